using TenantScanner.Tests.Engine;
using TenantScanner.Tests.RuleFixtures.Runner;

namespace TenantScanner.Tests.RuleFixtures;

/// <summary>
/// The one generic test of every rule fixture written as data (RuleFixtures/Data/&lt;ID&gt;.yaml): each case
/// patches the known-good tenant, scans it with the shipped catalog and checks the rule's outcome.
/// </summary>
public sealed class RuleFixtureDataTests
{
    public static string DataFolder => RepositoryFiles.PathOf("tests/Rules.Tests/RuleFixtures/Data");

    public static IEnumerable<string> DataFiles() =>
        Directory.EnumerateFiles(DataFolder, "*.yaml").Order(StringComparer.Ordinal);

    /// <summary>(rule id, case name) for every case; an unreadable file gives one row whose run reports why.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in DataFiles())
        {
            try
            {
                var file = FixtureFileReader.Read(path);
                foreach (var fixtureCase in file.Cases)
                    data.Add(file.RuleId, fixtureCase.Name);
            }
            catch (FixtureFormatException)
            {
                data.Add(Path.GetFileNameWithoutExtension(path), "");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string rule, string name)
    {
        var file = FixtureFileReader.Read(Path.Combine(DataFolder, rule + ".yaml"));
        var fixtureCase = file.Case(name);
        var problems = FixtureRunner.Problems(rule, fixtureCase, RuleRun.Catalog);
        Assert.True(problems.Count == 0, $"{fixtureCase.Where} '{name}':\n  " + string.Join("\n  ", problems));
    }
}
