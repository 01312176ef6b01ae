using TenantScanner.Cli.Reports;

namespace TenantScanner.Cli.Tests.Reports;

public sealed class FamilyLabelsTests
{
    [Theory]
    [InlineData("flows", "Power Automate flows")]
    [InlineData("custom", "Custom rules")]
    [InlineData("house-rules", "house-rules")]
    public void Shows_the_declared_label_or_an_undeclared_family_as_written(string family, string label) =>
        Assert.Equal(label, FamilyLabels.Label(family));

    [Theory]
    [InlineData("FLOW009", "flows")]
    [InlineData("SP120", "ownership")]
    [InlineData("PERM001", "permissions")]
    [InlineData("SPX001", "other")]
    [InlineData("KV001", "other")]
    public void Groups_a_rule_missing_from_the_catalog_by_its_id_prefix(string ruleId, string family) =>
        Assert.Equal(family, FamilyLabels.FromRuleId(ruleId));
}
