using TenantScanner.Rules.Scanning;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.Architecture;

/// <summary>
/// The engine (TenantScanner.Rules) is pure: it reads no files, no clock, no console and no network (the CLI
/// reads files and hands over text), and it keeps no state between scans (what one scan shares lives in its
/// ScanServices). The last two tests check the checks on code that breaks the rules.
/// </summary>
public sealed class EnginePurityTests
{
    private static readonly System.Reflection.Assembly Engine = typeof(ScanEngine).Assembly;

    [Fact]
    public void The_engine_uses_no_file_system_console_network_or_clock()
    {
        var used = ForbiddenApis.UsedBy(Engine);
        Assert.True(used.Count == 0, $"TenantScanner.Rules refers to: {string.Join(", ", used)}. Take text or a stream, and the as-of instant from the request.");
    }

    [Fact]
    public void The_engine_keeps_no_static_mutable_state()
    {
        var offences = StaticState.In(Engine);
        Assert.True(offences.Count == 0, "Static state in TenantScanner.Rules (keep what a scan shares in ScanServices):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_file_system_check_finds_file_reads()
    {
        // This test assembly reads the repository's files (RepositoryFiles, ProjectGraph, NamespaceGraph).
        Assert.Contains("System.IO.File", ForbiddenApis.UsedBy(typeof(RepositoryFiles).Assembly));
    }

    [Fact]
    public void The_static_state_check_finds_caches_counters_and_thread_statics()
    {
        var offences = StaticState.Offences(typeof(StatefulExample)).ToList();

        Assert.Equal(
        [
            $"{typeof(StatefulExample).FullName}.Cache is a Dictionary`2, a mutable collection or cache",
            $"{typeof(StatefulExample).FullName}.Counter is not readonly",
            $"{typeof(StatefulExample).FullName}.Names holds a List`1, a mutable collection or cache",
            $"{typeof(StatefulExample).FullName}.PerThread is [ThreadStatic]",
            $"{typeof(StatefulExample).FullName}.PerThread is not readonly",
        ], offences.Order(StringComparer.Ordinal));
    }

#pragma warning disable CA2211, CA1823, CS0169, CS0649 // The point of this class is the state it keeps.
    private static class StatefulExample
    {
        public const int Limit = 3;
        private static readonly IReadOnlyList<string> Frozen = ["a", "b"];
        private static readonly Dictionary<string, int> Cache = [];
        public static int Counter;
        private static readonly IReadOnlyList<string> Names = new List<string>();
        [ThreadStatic] private static string? PerThread;
    }
#pragma warning restore CA2211, CA1823, CS0169, CS0649
}
