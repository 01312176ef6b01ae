using TenantScanner.Rules.Detectors;
using TenantScanner.Rules.Yaml;
using System.Text;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Suppressions;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.Tests.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Fuzz;

/// <summary>Inputs bench/Fuzz found to end a parser with an undocumented exception, each now refused or read.</summary>
public sealed class FuzzRegressionTests
{
    [Theory]
    [InlineData("rules:\n  - id: FLOW001\n    severityOverrides:\n      - when: { field: flow.state, [[[[[[equals: Started }\n        severity: critical\n")]
    [InlineData("rules:\n\r  - : SP003,> severity: high }\n")]
    public void Broken_overlay_yaml_is_a_rule_file_error(string text)
    {
        var error = Assert.Throws<RuleFileException>(() => RuleCatalog.LoadDefault(DetectorSet.BuiltIn).WithOverlayText("overlay.yaml", text));

        Assert.Contains("overlay.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("suppressions:\n  - { ruleId: SP003, resource: 'Payroll*', justification: Vendor-manageov~e...dBy:\u00d2ciso@contoso.\rcom, expires: 2026-12-31 }\n")]
    [InlineData("suppressions:\n  - ruleId: FLOW004\n    resource: '\n  - ruleId: FLOW004\n    resource: '*'*'\n    justification: test tenant\n")]
    public void Broken_suppressions_yaml_is_a_rule_file_error(string text)
    {
        var error = Assert.Throws<RuleFileException>(() => SuppressionSet.Parse("suppressions.yaml", text));

        Assert.StartsWith("suppressions.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_patterns_yaml_is_a_catalog_error()
    {
        var error = Assert.Throws<SecretCatalogException>(() => SecretPatternCatalog.Parse("version: 1\npatterns:\n  - { id: x, [[[[[[keywords: [a] }\n", "patterns.yaml"));

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patterns_field_whose_name_is_a_mapping_is_a_catalog_error_naming_its_line()
    {
        var error = Assert.Throws<SecretCatalogException>(() => SecretPatternCatalog.Parse(
            "version: 1\npatterns:\n  - id: x\n    secretType: X\n    keywords: [a]\n    confidence: high\n    ? description: text\n", "patterns.yaml"));

        Assert.Contains("patterns.yaml:7:", error.Message, StringComparison.Ordinal);
        Assert.Contains("a field name must be plain text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_string_with_bytes_that_are_not_utf8_is_refused_naming_the_file()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann"}""");
        byte[] body = [.. "{\"value\":[{\"id\":\"u1\",\"displayName\":\"An"u8, 0xFF, .. "n\"}]}"u8];
        File.WriteAllBytes(Path.Combine(fixture.Folder, file), body);
        fixture.LastEntry["sha256"] = Sha256(body);

        // Refused as bad input (exit 2) rather than mended: the snapshot is not what the service sent.
        var error = fixture.LoadFails();

        Assert.StartsWith(file + ": invalid text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_string_with_half_a_surrogate_pair_is_refused_naming_the_file()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann \ud83d"}""");

        var error = fixture.LoadFails();

        Assert.StartsWith(file + ": invalid text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clientdata_whose_inner_document_holds_half_a_surrogate_pair_is_refused_naming_the_file()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList("https://contoso.crm.dynamics.com/api/data/v9.2/workflows",
            """{"workflowid":"w1","name":"Sync","category":5,"clientdata":"{\"properties\":{\"definition\":{\"triggers\":{\"manual\":{\"type\":\"Request\",\"kind\":\"Http \\ud800\"}},\"actions\":{}}}}"}""");

        var error = fixture.LoadFails();

        Assert.Contains("invalid text inside the clientdata string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_body_with_bytes_that_are_not_utf8_still_gives_a_coverage_gap()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.Add($"{Graph}/users", """{"error":{"code":"Forbidden","message":"no"}}""", status: 403);
        byte[] body = [.. "{\"error\":{\"code\":\"Forbid"u8, 0xC0, .. "den\",\"message\":\"no\"}}"u8];
        File.WriteAllBytes(Path.Combine(fixture.Folder, file), body);
        fixture.LastEntry["sha256"] = Sha256(body);

        var loaded = fixture.Load();

        Assert.NotNull(loaded.Inventory);
    }
}
