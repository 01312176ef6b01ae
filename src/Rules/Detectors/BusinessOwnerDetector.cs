using TenantScanner.Rules.Values;
using System.Text.RegularExpressions;
using TenantScanner.Inventory;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>
/// Looks for a documented business owner on a service principal and its app registration, by the
/// organisation's convention: tags starting with one of <c>tagPrefixes</c>, or notes matching <c>notesPattern</c>.
/// </summary>
public sealed class BusinessOwnerDetector : Detector<ServicePrincipal, BusinessOwnerDetector.Result>
{
    /// <param name="Undecided">The notes pattern gave up on some text (see <see cref="GuardedRegex"/>), and no tag decided it.</param>
    public sealed record Result(bool Documented, string? DocumentedBy, bool Undecided = false);

    private static readonly UnknownValue PatternGaveUp = UnknownValue.Because(
        "notesPattern did not finish within the time limit on the notes or description (it backtracks too much)");

    public override string Name => "businessOwner";
    public override string ResourceType => "servicePrincipal";
    public override IReadOnlyList<string> RequiredParameters => ["tagPrefixes", "notesPattern"];

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        Field("hasDocumentedBusinessOwner", "boolean", "True when a tag or the notes of the SP or its app follow the owner convention.", r => r.Undecided ? PatternGaveUp : r.Documented),
        Field("businessOwnerDocumentedBy", "string", "The tag or 'notes' that documents it.", r => r.DocumentedBy),
    ];

    protected override Result Analyze(ServicePrincipal sp, DetectorContext context)
    {
        var prefixes = context.Parameter<IReadOnlyList<object?>>("tagPrefixes", []).OfType<string>().ToList();
        var pattern = context.Parameter<string>("notesPattern", string.Empty);
        var app = context.Inventory.FindApplicationByAppId(sp.AppId);
        var tags = sp.Tags.Concat(app?.Tags ?? []);
        var tag = tags.FirstOrDefault(t => prefixes.Any(p => t.StartsWith(p, StringComparison.OrdinalIgnoreCase) && t.Length > p.Length));
        if (tag is not null)
            return new Result(true, $"tag {tag}");
        if (pattern.Length > 0)
        {
            var regex = context.Services.Pattern(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var undecided = false;
            foreach (var notes in new[] { sp.Notes, app?.Notes, sp.Description, app?.Description })
            {
                try
                {
                    if (notes is not null && regex.IsMatch(notes))
                        return new Result(true, "notes");
                }
                catch (RegexMatchTimeoutException)
                {
                    undecided = true; // the exception holds the notes: it goes no further
                }
            }
            return new Result(false, null, undecided);
        }
        return new Result(false, null);
    }
}
