namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>The rule catalog the scan used, how the scan works, and the words the report uses.</summary>
public sealed class AppendixSection : IPdfSection
{
    private static readonly (string Term, string Definition)[] Glossary =
    [
        ("Finding", "One rule failing on one resource, with the evidence that shows it and how to fix it."),
        ("Fingerprint", "A stable identifier of a finding: the same problem on the same resource has the same fingerprint in every scan, which is how changes between scans are matched."),
        ("Inconclusive", "The rule could not decide for a resource because the evidence it needs could not be read. Never counted as a pass."),
        ("Suppression", "A recorded acceptance of a finding, with justification, approver and optional expiry. Suppressed findings remain visible as accepted risks."),
        ("Personal account", "A user account of a person, as opposed to a service principal or a dedicated service account. A flow running under one stops when the person leaves."),
        ("Service principal", "The identity of an application in the tenant; it holds permissions and credentials of its own."),
        ("Snapshot", "The evidence collected from the tenant (a folder of JSON files with a manifest). The report names its SHA-256 so results can be traced to their evidence."),
        ("Redacted", "A secret value replaced by a short preview and a fingerprint. Secret values never appear in reports."),
        ("Control", "A requirement of a security framework (for example CIS or ISO 27001) that a rule provides evidence for."),
    ];

    public string Title => "Appendix";

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        Blocks.SectionHeading(canvas, Title);

        Blocks.Subheading(canvas, "Rule catalog");
        canvas.Paragraph($"Rule catalog version {model.Result.RuleCatalogVersion}.", Theme.Body);
        var table = new TableRenderer(canvas, [new("Rule", 1.0), new("Title", 3.0), new("Severity", 0.9), new("Family", 1.4), new("Controls", 2.0)]);
        table.DrawHeader();
        foreach (var rule in model.Result.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            table.DrawRow(
            [
                new(rule.Id, Theme.SmallBold), new(rule.Enabled ? rule.Title : rule.Title + " (disabled)", Theme.Small),
                new(rule.Severity.ToString(), Theme.Small, Theme.SeverityColor(rule.Severity)),
                new(FamilyLabels.Label(rule.Family), Theme.Small), new(rule.Controls.Count == 0 ? "—" : string.Join(", ", rule.Controls), Theme.Small),
            ]);

        Blocks.Subheading(canvas, "Methodology");
        canvas.Paragraph("1. Collect. The scanner reads the tenant through Microsoft Graph, the Power Platform admin APIs, Dataverse and Key Vault with read-only permissions, "
            + "and stores what it read as a snapshot: one JSON file per source, with a manifest that records every call that failed.", Theme.Body);
        canvas.Paragraph("2. Evaluate. Each enabled rule evaluates every resource of its type in the snapshot and records a pass, a failure (a finding) or an inconclusive "
            + "result when the evidence it needs is missing. Time-dependent rules (expiry, age) evaluate at the 'as of' instant shown on the cover.", Theme.Body);
        canvas.Paragraph("3. Accept. Suppressions with a justification, an approver and an optional expiry mark findings as accepted risks; expired suppressions no longer apply.", Theme.Body);
        canvas.Paragraph("4. Report. Every report (this PDF, findings.csv, accepted-risks.csv) is rendered from the same scan.json, which can be re-rendered later "
            + "with 'scanner report --from scan.json' without rescanning. Secret values are redacted at detection and never reach a report.", Theme.Body);

        Blocks.Subheading(canvas, "Glossary");
        Blocks.KeyValues(canvas, Glossary.Select(g => (g.Term, g.Definition)), labelWidth: 100);
    }
}
