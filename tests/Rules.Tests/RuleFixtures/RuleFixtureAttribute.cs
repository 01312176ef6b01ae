namespace TenantScanner.Tests.RuleFixtures;

/// <summary>Marks the fixture class of a rule; the convention test requires one for every rule id.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class RuleFixtureAttribute(string ruleId) : Attribute
{
    public string RuleId { get; } = ruleId;
}
