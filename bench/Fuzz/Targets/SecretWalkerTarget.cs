using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Fuzz.Targets;

/// <summary>
/// The secret walker on mutated flow definitions: <see cref="SecretDetector.InspectDocument"/> must never throw,
/// <see cref="SecretDetector.Inspect(ReadOnlySpan{byte})"/> only <see cref="MalformedJsonException"/>.
/// </summary>
internal sealed class SecretWalkerTarget(IReadOnlyList<byte[]> seeds) : IFuzzTarget
{
    private readonly SecretDetector _detector = new(SecretPatternCatalog.LoadDefault());

    public string Name => "secrets";

    public byte[] Seed(Random random) => seeds[random.Next(seeds.Count)];

    public void Run(byte[] input)
    {
        _detector.InspectDocument(input);
        try
        {
            _detector.Inspect(input);
        }
        catch (MalformedJsonException)
        {
            // the strict API's documented refusal
        }
    }

    public bool IsDocumented(Exception exception) => false;
}
