namespace TenantScanner.Cli;

/// <summary>
/// The scanner's name and version, as <c>scanner version</c> prints them and scan.json, snapshot manifests and the
/// secrets reports record them. Here, below the commands, so collectors and report writers need not know a command.
/// </summary>
public static class ToolIdentity
{
    public const string Name = "tenant-scanner";

    public static string Version { get; } = typeof(ToolIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
