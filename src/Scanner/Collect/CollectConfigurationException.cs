namespace TenantScanner.Cli.Collect;

/// <summary>Bad arguments or configuration for collect: the message names the option, file or field.</summary>
public sealed class CollectConfigurationException : Exception
{
    public CollectConfigurationException(string message) : base(message) { }
    public CollectConfigurationException(string message, Exception inner) : base(message, inner) { }
    public CollectConfigurationException() : base("The collect configuration is not valid.") { }
}
