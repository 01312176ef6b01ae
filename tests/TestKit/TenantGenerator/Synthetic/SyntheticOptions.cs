namespace TenantScanner.TestKit.TenantGenerator.Synthetic;

/// <summary>Sizes and seed of a synthetic tenant.</summary>
internal sealed record SyntheticOptions
{
    public int ServicePrincipals { get; init; } = 100_000;
    public int Flows { get; init; } = 20_000;
    public int Users { get; init; } = 50_000;
    public int Environments { get; init; } = 20;
    public int Seed { get; init; } = 20261127;

    /// <summary>The problem with the options, or null when they are usable.</summary>
    public string? Validate()
    {
        if (ServicePrincipals < 10)
            return $"--service-principals must be at least 10 (the Microsoft first-party set needs room); got {ServicePrincipals}.";
        if (Users < 10)
            return $"--users must be at least 10; got {Users}.";
        if (Flows < 0)
            return $"--flows must not be negative; got {Flows}.";
        if (Environments < 1)
            return $"--environments must be at least 1 (the Default environment); got {Environments}.";
        return null;
    }
}
