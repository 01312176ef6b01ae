using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;

namespace TenantScanner.Tests.Engine;

/// <summary>Each operator, logical combinators, count/where, [*] and parameters, with "true" read as "the rule fails".</summary>
public sealed class ConditionEvaluatorTests
{
    [Theory]
    [InlineData("{field: displayName, equals: Payroll Sync}", Outcome.Fail)]
    [InlineData("{field: displayName, equals: 'payroll sync'}", Outcome.Fail)]
    [InlineData("{field: displayName, equals: Other}", Outcome.Pass)]
    [InlineData("{field: displayName, notEquals: Other}", Outcome.Fail)]
    [InlineData("{field: classification, in: [managedIdentity, tenantApplication]}", Outcome.Fail)]
    [InlineData("{field: classification, notIn: [managedIdentity, tenantApplication]}", Outcome.Pass)]
    [InlineData("{field: notes, exists: false}", Outcome.Fail)]
    [InlineData("{field: notes, exists: true}", Outcome.Pass)]
    [InlineData("{field: displayName, match: '^Pay.*Sync$'}", Outcome.Fail)]
    [InlineData("{field: displayName, match: '^Sync'}", Outcome.Pass)]
    [InlineData("{field: displayName, notMatch: '^Sync'}", Outcome.Fail)]
    [InlineData("{field: displayName, contains: roll}", Outcome.Fail)]
    [InlineData("{field: tags, contains: 'owner:alice@contoso.com'}", Outcome.Fail)]
    [InlineData("{field: tags, notContains: 'owner:alice@contoso.com'}", Outcome.Pass)]
    [InlineData("{field: accountEnabled, equals: true}", Outcome.Fail)]
    [InlineData("{field: application.createdDateTime, exists: true}", Outcome.Pass)]
    public void Applies_each_operator_to_a_field(string condition, Outcome expected) =>
        Assert.Equal(expected, ConditionHarness.Evaluate(condition));

    [Theory]
    [InlineData("{field: 'application.keyCredentials[*].endDateTime', greater: '2027-01-01'}", Outcome.Fail)]
    [InlineData("{field: 'application.keyCredentials[*].endDateTime', greater: '2027-05-21'}", Outcome.Pass)]
    [InlineData("{field: 'application.keyCredentials[*].endDateTime', less: '2027-06-01'}", Outcome.Fail)]
    [InlineData("{field: 'application.keyCredentials[*].endDateTime', less: '2027-05-20'}", Outcome.Pass)]
    [InlineData("{field: 'application.keyCredentials[*].endDateTime', lessOrEquals: '2027-05-20'}", Outcome.Fail)]
    [InlineData("{field: 'application.keyCredentials[*].endDateTime', greaterOrEquals: '2027-05-20'}", Outcome.Fail)]
    public void Compares_dates_written_as_text(string condition, Outcome expected) =>
        Assert.Equal(expected, ConditionHarness.Evaluate(condition));

    [Theory]
    [InlineData("{allOf: [{field: displayName, equals: Payroll Sync}, {field: accountEnabled, equals: true}]}", Outcome.Fail)]
    [InlineData("{allOf: [{field: displayName, equals: Payroll Sync}, {field: accountEnabled, equals: false}]}", Outcome.Pass)]
    [InlineData("{anyOf: [{field: displayName, equals: Other}, {field: accountEnabled, equals: true}]}", Outcome.Fail)]
    [InlineData("{not: {field: displayName, equals: Payroll Sync}}", Outcome.Pass)]
    public void Combines_conditions(string condition, Outcome expected) =>
        Assert.Equal(expected, ConditionHarness.Evaluate(condition));

    [Theory]
    [InlineData("{count: {field: 'allOwners[*]'}, equals: 2}", Outcome.Fail)]
    [InlineData("{count: {field: 'allOwners[*]', where: {field: 'allOwners[*].userPrincipalName', match: '^bob'}}, equals: 1}", Outcome.Fail)]
    [InlineData("{count: {field: 'allOwners[*]', where: {field: 'allOwners[*].isActive', equals: false}}, greater: 0}", Outcome.Pass)]
    [InlineData("{count: {field: 'tags[*]', where: {field: 'tags[*]', match: '^owner:'}}, equals: 1}", Outcome.Fail)]
    [InlineData("{count: {field: 'owners[*]'}, in: [0, 5]}", Outcome.Fail)]
    public void Counts_array_elements_matching_where(string condition, Outcome expected) =>
        Assert.Equal(expected, ConditionHarness.Evaluate(condition));

    [Theory]
    [InlineData("{field: 'allOwners[*].accountEnabled', equals: true}", Outcome.Fail)]
    [InlineData("{field: 'allOwners[*].userPrincipalName', match: '^alice'}", Outcome.Pass)]
    [InlineData("{field: 'owners[*].accountEnabled', equals: false}", Outcome.Fail)]
    public void Requires_every_element_for_a_star_path_outside_count_and_holds_for_none(string condition, Outcome expected) =>
        Assert.Equal(expected, ConditionHarness.Evaluate(condition));

    [Theory]
    [InlineData("{field: displayName, in: \"[parameters('names')]\"}", Outcome.Fail)]
    [InlineData("{count: {field: 'allOwners[*]'}, less: \"[parameters('days')]\"}", Outcome.Fail)]
    [InlineData("{value: \"[parameters('flag')]\", equals: true}", Outcome.Fail)]
    [InlineData("{value: 3, greater: \"[parameters('days')]\"}", Outcome.Pass)]
    public void Resolves_parameters_and_value_operands(string condition, Outcome expected) =>
        Assert.Equal(expected, ConditionHarness.Evaluate(condition));

    [Fact]
    public void Treats_a_missing_value_as_not_equal_and_not_ordered()
    {
        Assert.Equal(Outcome.Pass, ConditionHarness.Evaluate("{field: notes, equals: x}"));
        Assert.Equal(Outcome.Fail, ConditionHarness.Evaluate("{field: notes, notEquals: x}"));
        Assert.Equal(Outcome.Pass, ConditionHarness.Evaluate("{field: notes, greater: 1}"));
        Assert.Equal(Outcome.Pass, ConditionHarness.Evaluate("{field: notes, match: '.*'}"));
    }

    [Fact]
    public void An_unknown_value_makes_the_condition_inconclusive_not_a_pass()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Bob = t.Bob with { AccountEnabled = null });
        Assert.Equal(Outcome.Inconclusive, ConditionHarness.Evaluate("{field: 'allOwners[*].accountEnabled', equals: true}", tenant));
        Assert.Equal(Outcome.Inconclusive, ConditionHarness.Evaluate("{not: {field: 'allOwners[*].accountEnabled', equals: true}}", tenant));
        // Alice is surely enabled, so "every owner is disabled" is false whatever Bob's state.
        Assert.Equal(Outcome.Pass, ConditionHarness.Evaluate("{field: 'allOwners[*].accountEnabled', equals: false}", tenant));
    }

    [Fact]
    public void Three_valued_logic_decides_when_the_known_part_is_enough()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Bob = t.Bob with { AccountEnabled = null });
        Assert.Equal(Outcome.Fail, ConditionHarness.Evaluate(
            "{anyOf: [{field: displayName, equals: Payroll Sync}, {field: 'allOwners[*].accountEnabled', equals: false}]}", tenant));
        Assert.Equal(Outcome.Pass, ConditionHarness.Evaluate(
            "{allOf: [{field: displayName, equals: Other}, {field: 'allOwners[*].accountEnabled', equals: false}]}", tenant));
        // One owner is surely active; the unknown one only widens the count from 1 to 2, and both are > 0.
        Assert.Equal(Outcome.Fail, ConditionHarness.Evaluate(
            "{count: {field: 'allOwners[*]', where: {field: 'allOwners[*].isActive', equals: true}}, greater: 0}", tenant));
        Assert.Equal(Outcome.Inconclusive, ConditionHarness.Evaluate(
            "{count: {field: 'allOwners[*]', where: {field: 'allOwners[*].isActive', equals: true}}, equals: 1}", tenant));
    }

    [Fact]
    public void Unknown_arrays_make_counts_inconclusive()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Sp = t.Sp with { OwnersKnown = false });
        Assert.Equal(Outcome.Inconclusive, ConditionHarness.Evaluate("{count: {field: 'owners[*]'}, equals: 0}", tenant));
    }

    [Fact]
    public void Reads_flow_fields_through_nested_objects_and_arrays()
    {
        Assert.Equal(Outcome.Fail, ConditionHarness.Evaluate("{field: environment.isProduction, equals: true}", resource: "flow"));
        Assert.Equal(Outcome.Fail, ConditionHarness.Evaluate("{field: 'triggers[*].classification', equals: scheduled}", resource: "flow"));
        Assert.Equal(Outcome.Fail, ConditionHarness.Evaluate("{field: 'connections[*].identityKind', equals: servicePrincipal}", resource: "flow"));
        Assert.Equal(Outcome.Fail, ConditionHarness.Evaluate(
            "{count: {field: 'owners[*]', where: {field: 'owners[*].type', equals: group}}, equals: 1}", resource: "flow"));
    }

    [Fact]
    public void Treats_a_flow_without_readable_triggers_as_unknown_unattendedness()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with { Triggers = [], Definition = null });
        Assert.Equal(Outcome.Inconclusive, ConditionHarness.Evaluate("{field: isUnattended, equals: true}", tenant, "flow"));
    }
}
