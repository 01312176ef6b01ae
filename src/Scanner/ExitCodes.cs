namespace TenantScanner.Cli;

/// <summary>Process exit codes, documented in README.md. Pipelines rely on them: never renumber.</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded; for scan: no open finding at or above --fail-on.</summary>
    public const int Success = 0;
    /// <summary>Open findings at or above --fail-on (or secrets found by <c>scanner secrets</c>).</summary>
    public const int FindingsAtOrAboveThreshold = 1;
    /// <summary>Bad input or configuration: arguments, rule file, suppressions, snapshot, plan file.</summary>
    public const int BadInput = 2;
    /// <summary>The scan ran but some source could not be read; results are incomplete.</summary>
    public const int Incomplete = 3;
    /// <summary>apply or undo ran, but some action was skipped as drifted, failed, or (undo) cannot be reversed: see the journal.</summary>
    public const int ChangesIncomplete = 4;
    /// <summary>An unexpected failure (a bug, or the environment): see the error message.</summary>
    public const int InternalError = 70;
}
