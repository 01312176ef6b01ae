using TenantScanner.Rules.Detectors;
using TenantScanner.Rules.Facts;
using TenantScanner.Tests.Engine;
using TenantScanner.Tests.RuleFixtures;

namespace TenantScanner.Tests.Secrets;

public sealed class FlowDefinitionFactsTests
{
    [Fact]
    public void Analyses_each_flow_once_and_shares_the_result_between_rules()
    {
        var flow = TestTenant.KnownGood().WithDefinition(RuleFixtures.Secrets.DefinitionWithTokenRequest(RuleFixtures.Secrets.ClientSecret)).Flow;

        var first = FlowDefinitionFacts.Of(flow);
        var hits = first.Secrets;

        Assert.Same(first, FlowDefinitionFacts.Of(flow));
        Assert.Same(hits, FlowDefinitionFacts.Of(flow).Secrets);
        Assert.Equal("/actions/HTTP_Get_token/inputs/body", Assert.Single(hits).JsonPointer);
    }

    [Fact]
    public void An_equal_flow_of_another_inventory_gets_its_own_facts()
    {
        var flow = TestTenant.KnownGood().Flow;
        var copy = flow with { };

        Assert.Equal(flow, copy);
        Assert.NotSame(FlowDefinitionFacts.Of(flow), FlowDefinitionFacts.Of(copy));
    }

    [Theory]
    [InlineData("/actions/Try/actions/HTTP_Get_token/inputs/body", "HTTP_Get_token")]
    [InlineData("/triggers/manual/inputs/headers/x-api-key", "manual")]
    [InlineData("/actions/Send~1receive/inputs/uri", "Send/receive")]
    [InlineData("/parameters/ClientSecret/defaultValue", null)]
    public void Names_the_innermost_operation_of_a_pointer(string pointer, string? operation) =>
        Assert.Equal(operation, FlowDefinitionFacts.OperationOf(pointer));
}
