using System.Globalization;

namespace TenantScanner.Fuzz;

/// <summary><c>fuzz [--seconds N] [--seed S] [--target NAME] [--out DIR] [--hang-seconds N]</c>, fixed before the run.</summary>
internal sealed record FuzzOptions
{
    public int Seconds { get; init; } = 60;
    public int Seed { get; init; } = Environment.TickCount;
    /// <summary>Null: every target in turn.</summary>
    public string? Target { get; init; }
    public string OutputFolder { get; init; } = Path.Combine("bench", "out", "fuzz");
    /// <summary>An input still running after this long is saved as a hang and the run stops.</summary>
    public int HangSeconds { get; init; } = 30;

    public static FuzzOptions Parse(string[] args)
    {
        var options = new FuzzOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--target" => options with { Target = value },
                "--out" => options with { OutputFolder = value },
                "--hang-seconds" => options with { HangSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }
        return options;
    }
}
