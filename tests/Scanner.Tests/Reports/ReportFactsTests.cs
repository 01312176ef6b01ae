using TenantScanner.TestKit.TenantGenerator.Samples;
using TenantScanner.Cli.Reports;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;

namespace TenantScanner.Cli.Tests.Reports;

public sealed class ReportFactsTests
{
    [Fact]
    public void Counts_open_findings_by_severity_and_family_leaving_out_suppressed_ones()
    {
        var facts = ReportFacts.From(SampleScanResults.Sample(), previous: null);

        Assert.Equal(22, facts.OpenCount);
        Assert.Equal(3, facts.SuppressedCount);
        Assert.Equal(3, facts.OpenBySeverity[Severity.Critical]);
        Assert.Equal(11, facts.OpenBySeverity[Severity.High]);
        var flows = Assert.Single(facts.OpenByFamily, f => f.Family == "flows");
        Assert.Equal((7, 7), (flows.Findings, flows.Resources));
        Assert.Null(facts.Delta);
    }

    [Fact]
    public void Top_risks_put_the_most_severe_and_widespread_rule_first()
    {
        var facts = ReportFacts.From(SampleScanResults.Sample(), previous: null);

        Assert.Equal(ReportFacts.MaxTopRisks, facts.TopRisks.Count);
        Assert.Equal(("CRED001", Severity.Critical, 2), (facts.TopRisks[0].RuleId, facts.TopRisks[0].Severity, facts.TopRisks[0].Resources));
    }

    [Fact]
    public void Top_risks_do_not_label_a_whole_rule_with_the_severity_raised_for_a_few_resources()
    {
        var sample = SampleScanResults.Sample();
        var template = sample.Findings.First(f => f.Status == FindingStatus.Open);
        Finding On(string id, Severity severity) => template with
        {
            RuleId = "FLOW001", Severity = severity, Fingerprint = id, Resource = template.Resource with { Id = id, DisplayName = id },
        };
        var result = sample with { Findings = [On("prod-flow", Severity.Critical), On("a-flow", Severity.High), On("b-flow", Severity.High)] };

        var risks = ReportFacts.From(result, previous: null).TopRisks;

        Assert.Equal([(Severity.Critical, 1, "prod-flow"), (Severity.High, 2, "a-flow")], risks.Select(r => (r.Severity, r.Resources, r.Example)));
    }

    [Fact]
    public void Delta_matches_findings_by_fingerprint()
    {
        var delta = ScanDelta.Between(SampleScanResults.Previous(), SampleScanResults.Sample());

        Assert.Equal(["PERM001"], delta.New.Select(f => f.RuleId));
        Assert.Equal(["FLOW006", "SP004"], delta.Resolved.Select(f => f.RuleId).Order());
        Assert.Equal(21, delta.StillOpen.Count);
    }

    [Fact]
    public void Posture_says_a_clean_and_complete_scan_is_clean()
    {
        var clean = SampleScanResults.Sample() with { Findings = [], Inconclusive = [], Coverage = [], ExpiredSuppressions = [], Incomplete = false };

        var sentences = PostureStatement.Describe(clean, ReportFacts.From(clean, null));

        Assert.Equal(["No open findings: every enabled rule passed on every resource it evaluated."], sentences);
    }

    [Fact]
    public void Posture_never_calls_an_incomplete_scan_clean()
    {
        var partial = SampleScanResults.Sample() with { Findings = [], ExpiredSuppressions = [] };

        var sentences = PostureStatement.Describe(partial, ReportFacts.From(partial, null));

        Assert.Equal("No open findings among the resources that could be read.", sentences[0]);
        Assert.Contains(sentences, s => s.StartsWith("The scan is incomplete: 2 sources could not be read, so 3 rules could not decide for 4 resource checks.", StringComparison.Ordinal));
    }
}
