using TenantScanner.Rules.Evaluation;
using TenantScanner.Rules.Facts;
using TenantScanner.Tests.Engine;
using TenantScanner.Tests.RuleFixtures;

namespace TenantScanner.Tests.Secrets;

public sealed class FlowDefinitionFactsTests
{
    [Fact]
    public void Analyses_each_flow_once_per_scan_and_shares_the_result_between_rules()
    {
        var tenant = TestTenant.KnownGood().WithDefinition(RuleFixtures.Secrets.DefinitionWithTokenRequest(RuleFixtures.Secrets.ClientSecret));
        var scan = new ScanServices(tenant.Build(), RuleRun.Secrets);

        var first = scan.FlowFacts(tenant.Flow);
        var hits = first.Secrets;

        Assert.Same(first, scan.FlowFacts(tenant.Flow));
        Assert.Same(hits, scan.FlowFacts(tenant.Flow).Secrets);
        Assert.Equal("/actions/HTTP_Get_token/inputs/body", Assert.Single(hits).JsonPointer);
    }

    [Fact]
    public void An_equal_flow_of_another_inventory_gets_its_own_facts()
    {
        var tenant = TestTenant.KnownGood();
        var scan = new ScanServices(tenant.Build(), RuleRun.Secrets);
        var flow = tenant.Flow;
        var copy = flow with { };

        Assert.Equal(flow, copy);
        Assert.NotSame(scan.FlowFacts(flow), scan.FlowFacts(copy));
    }

    [Fact]
    public void Another_scan_works_the_facts_out_again_with_its_own_secret_detector()
    {
        var tenant = TestTenant.KnownGood().WithDefinition(RuleFixtures.Secrets.DefinitionWithTokenRequest(TimingOutDetector.Token));
        var inventory = tenant.Build();

        var builtIn = new ScanServices(inventory, RuleRun.Secrets).FlowFacts(tenant.Flow);
        var custom = new ScanServices(inventory, TimingOutDetector.Detector).FlowFacts(tenant.Flow);

        Assert.NotSame(builtIn, custom);
        Assert.Equal("AcmeToken", Assert.Single(custom.Secrets).SecretType);
        Assert.DoesNotContain(builtIn.Secrets, hit => hit.SecretType == "AcmeToken");
    }

    [Theory]
    [InlineData("/actions/Try/actions/HTTP_Get_token/inputs/body", "HTTP_Get_token")]
    [InlineData("/triggers/manual/inputs/headers/x-api-key", "manual")]
    [InlineData("/actions/Send~1receive/inputs/uri", "Send/receive")]
    [InlineData("/parameters/ClientSecret/defaultValue", null)]
    public void Names_the_innermost_operation_of_a_pointer(string pointer, string? operation) =>
        Assert.Equal(operation, FlowDefinitionFacts.OperationOf(pointer));
}
