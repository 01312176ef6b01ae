namespace TenantScanner.Cli.Secrets;

/// <summary>
/// What collecting the inputs could not read (errors) and chose not to read (skips), in the order it met them.
/// Collection runs lazily while the scan pulls documents, so the log is filled as the scan goes.
/// </summary>
public sealed class SecretScanLog
{
    private readonly Lock _lock = new();
    private readonly List<SecretScanError> _errors = [];
    private readonly List<SecretScanSkip> _skipped = [];

    public void Error(string file, string message)
    {
        lock (_lock)
            _errors.Add(new SecretScanError(file, null, null, message));
    }

    public void Skip(string file, SkipReason reason, string message)
    {
        lock (_lock)
            _skipped.Add(new SecretScanSkip(file, reason, message));
    }

    public IReadOnlyList<SecretScanError> Errors
    {
        get
        {
            lock (_lock)
                return [.. _errors];
        }
    }

    public IReadOnlyList<SecretScanSkip> Skipped
    {
        get
        {
            lock (_lock)
                return [.. _skipped];
        }
    }
}

/// <summary>Thrown by <see cref="SecretScanInput.Read"/> when a document turns out to be over a limit as it is read (a file that grew).</summary>
public sealed class SecretInputSkippedException(SkipReason reason, string message) : Exception(message)
{
    public SkipReason Reason { get; } = reason;
}
