using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

public sealed class SecretPatternCatalogTests
{
    private const string Header = "version: 1\npatterns:\n";

    [Fact]
    public void Built_in_catalog_loads_with_unique_ids_and_every_pattern_has_a_prefilter()
    {
        var catalog = SecretPatternCatalog.LoadDefault();

        Assert.True(catalog.Patterns.Count >= 25);
        Assert.Equal(catalog.Patterns.Count, catalog.Patterns.Select(p => p.Id).Distinct().Count());
        Assert.All(catalog.Patterns, p => Assert.True(p.Keywords.Count > 0 || p.ContextKeys.Count > 0, p.Id));
        Assert.Contains("AKIAIOSFODNN7EXAMPLE", catalog.NotSecret.KnownExamples);
    }

    [Fact]
    public void Invalid_regex_is_reported_with_file_line_column_and_the_reason()
    {
        var yaml = Header + "  - id: broken\n    secretType: X\n    keywords: [abc]\n    confidence: high\n    regex: '(?<secret>abc'\n";

        var error = Assert.Throws<SecretCatalogException>(() => SecretPatternCatalog.Parse(yaml, "my-patterns.yaml"));

        Assert.StartsWith("my-patterns.yaml:7:12:", error.Message);
        Assert.Contains("pattern 'broken': invalid regex", error.Message);
        Assert.Contains("Not enough )", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Pattern_without_keywords_or_context_is_rejected_because_it_would_run_on_every_string()
    {
        var yaml = Header + "  - id: everywhere\n    secretType: X\n    regex: 'a+'\n    confidence: high\n";

        var error = Assert.Throws<SecretCatalogException>(() => SecretPatternCatalog.Parse(yaml, "p.yaml"));

        Assert.StartsWith("p.yaml:3:5:", error.Message);
        Assert.Contains("needs 'keywords' or 'contextKeys'", error.Message);
    }

    [Theory]
    [InlineData("  - id: a\n    secretType: X\n    keywords: [k]\n    confidence: sure\n", "confidence must be high, medium or low")]
    [InlineData("  - id: a\n    secretType: X\n    keywords: [k]\n    confidence: high\n    colour: red\n", "unknown field 'colour'")]
    [InlineData("  - secretType: X\n    keywords: [k]\n    confidence: high\n", "missing required field 'id'")]
    [InlineData("  - id: a\n    secretType: X\n    keywords: [k]\n    confidence: high\n  - id: a\n    secretType: Y\n    keywords: [k]\n    confidence: high\n", "duplicate pattern id 'a'")]
    [InlineData("  - id: a\n    secretType: X\n    keywords: [k]\n    confidence: high\n    minEntropy: lots\n", "'minEntropy' must be a number")]
    [InlineData("  - id: a\n    secretType: X\n    keywords: [k]\n    confidence: high\n    validate: magic\n", "unknown validator 'magic'")]
    public void Invalid_pattern_fields_are_named_in_the_error(string patterns, string expected)
    {
        var error = Assert.Throws<SecretCatalogException>(() => SecretPatternCatalog.Parse(Header + patterns, "p.yaml"));

        Assert.Contains(expected, error.Message);
        Assert.Matches(@"^p\.yaml:\d+:\d+: ", error.Message);
    }

    [Fact]
    public void Malformed_yaml_and_unsupported_versions_are_rejected()
    {
        Assert.Contains("not valid YAML", Assert.Throws<SecretCatalogException>(() => SecretPatternCatalog.Parse("version: 1\npatterns: [\n", "p.yaml")).Message);
        Assert.Contains("unsupported version '2'", Assert.Throws<SecretCatalogException>(() => SecretPatternCatalog.Parse("version: 2\npatterns: []\n", "p.yaml")).Message);
    }

    [Fact]
    public void A_user_pattern_finds_its_own_secret_type_without_recompiling()
    {
        var yaml = Header + "  - id: contoso-key\n    secretType: ContosoKey\n    keywords: [ctso_]\n    regex: 'ctso_[a-z0-9]{20}'\n    confidence: high\n";
        var detector = new SecretDetector(SecretPatternCatalog.Parse(yaml, "p.yaml"));

        var hits = detector.ScanJson("{\"note\":\"key ctso_abcdefghij0123456789 here\"}"u8);

        var hit = Assert.Single(hits);
        Assert.Equal(("ContosoKey", "/note", "contoso-key"), (hit.SecretType, hit.JsonPointer, hit.Detector));
    }

    [Fact]
    public void A_user_regex_that_backtracks_catastrophically_times_out_and_skips_the_value_without_throwing()
    {
        var yaml = Header + "  - id: slow\n    secretType: Slow\n    keywords: [aaaa]\n    regex: '(a+)+$'\n    confidence: high\n";
        var detector = new SecretDetector(SecretPatternCatalog.Parse(yaml, "p.yaml"));

        var hits = detector.ScanJson(System.Text.Encoding.UTF8.GetBytes("{\"v\":\"" + new string('a', 40) + "!\"}"));

        Assert.Empty(hits);
    }

    [Fact]
    public void Also_requires_literals_keep_a_common_keyword_from_judging_every_url()
    {
        var detector = new SecretDetector(SecretPatternCatalog.LoadDefault());

        Assert.Empty(detector.ScanJson("{\"uri\":\"https://contoso.sharepoint.com/sites/finance:reports\"}"u8));
        Assert.Equal("UriCredentials", Assert.Single(detector.ScanJson("{\"uri\":\"https://svc:Gh7kLm2Qp9z@files.contoso.com/x\"}"u8)).SecretType);
    }
}
