using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Engine;

public sealed class FieldReferenceTests
{
    [Fact]
    public void Docs_readme_embeds_the_current_field_reference()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("docs/rules/README.md"));
        var start = readme.IndexOf(FieldReference.BeginMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(FieldReference.EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/rules/README.md lacks the field-reference markers");
        var embedded = readme[start..(end + FieldReference.EndMarker.Length)] + "\n";
        var expected = FieldReference.Render(DetectorSet.BuiltIn);
        if (embedded != expected)
        {
            var path = Path.Combine(Path.GetTempPath(), "field-reference.md");
            File.WriteAllText(path, expected);
            Assert.Fail($"docs/rules/README.md is out of date; paste {path} between the markers.");
        }
    }
}
