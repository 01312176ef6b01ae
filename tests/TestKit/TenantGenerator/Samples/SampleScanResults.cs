using System.Security.Cryptography;
using System.Text;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;

namespace TenantScanner.TestKit.TenantGenerator.Samples;

/// <summary>
/// Realistic scan results built in code for report tests and the report benchmark: tenant "Contoso Pharma",
/// 22 rules, findings on resources with non-Latin names, suppressions (valid and expired), coverage gaps
/// and inconclusive results, plus planted secrets whose evidence went through <see cref="SecretRedaction"/>.
/// </summary>
public static class SampleScanResults
{
    public static readonly DateTimeOffset ScannedAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Raw secret values planted in the sample tenant; none may ever appear in a report.</summary>
    public static readonly IReadOnlyList<string> PlantedSecrets =
    [
        "7Q~aZ9pLm3Kx8Vw2Rt5Yb1Nc4Hd6Jf0Gs_QeUiOp",
        "DefaultEndpointsProtocol=https;AccountName=contosopharma;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==",
        "ghp_4f8Kd93LmQp2Xz7Rt1Vb6Nc0Hs5Jy8Wq3Ea",
        "P@ssw0rd!Contoso2026",
    ];

    public static readonly EnvironmentScope DefaultEnvironment = new("Default-8f1c2b7e", "Contoso Pharma (default)", "Default");
    public static readonly EnvironmentScope LodzEnvironment = new("b2d9a4c1-lodz", "Łódź Operations", "Production");
    public static readonly EnvironmentScope TokyoEnvironment = new("c7e3f5a2-tokyo", "東京 研究開発", "Sandbox");

    public static IReadOnlyList<RuleSummary> Rules { get; } = BuildRules();

    public static ScanResult Sample()
    {
        var findings = new List<Finding>
        {
            Flow("FLOW001", "Approve invoices — Zoë Müller", "zoe.mueller@contoso-pharma.com", LodzEnvironment,
                "Flow 'Approve invoices — Zoë Müller' runs under the personal account of Zoë Müller."),
            Flow("FLOW001", "山田太郎の経費精算フロー", "山田太郎 (taro.yamada@contoso-pharma.com)", TokyoEnvironment,
                "Flow '山田太郎の経費精算フロー' runs under the personal account of 山田太郎."),
            Flow("FLOW001", "Łódź Operations nightly export", "Łukasz Wiśniewski", LodzEnvironment,
                "Flow 'Łódź Operations nightly export' runs under the personal account of Łukasz Wiśniewski."),
            Flow("FLOW002", "Batch release notifications", "Zoë Müller", DefaultEnvironment,
                "Flow 'Batch release notifications' is owned only by a disabled user (Zoë Müller)."),
            Flow("FLOW003", "=HYPERLINK(\"http://evil.example\",\"Click\")", "mallory@contoso-pharma.com", DefaultEnvironment,
                "Flow '=HYPERLINK(...)' shares a connection with 14 users, including \"guests\", commas, and\nline breaks."),
            Flow("FLOW004", "Lab sample intake", "Priya Natarajan", LodzEnvironment,
                "Flow 'Lab sample intake' uses an HTTP connector to an external endpoint without authentication."),
            Flow("FLOW005", "Quality deviation escalation", "Zoë Müller", DefaultEnvironment,
                "Flow 'Quality deviation escalation' has been failing for 21 days with no owner responding."),
            Secret("CRED001", "Sync to SAP (client secret in HTTP action)", PlantedSecrets[0], "flows/Default-8f1c2b7e.json", "/value/3/properties/definition/actions/HTTP/inputs/headers/Authorization"),
            Secret("CRED001", "Archive to storage", PlantedSecrets[1], "flows/b2d9a4c1-lodz.json", "/value/0/properties/definition/actions/Upload/inputs/connectionString"),
            Secret("CRED002", "GitHub release bot", PlantedSecrets[2], "dataverse/c7e3f5a2-tokyo/environmentvariablevalues.json", "/value/7/value"),
            Secret("CRED002", "SMTP relay", PlantedSecrets[3], "dataverse/b2d9a4c1-lodz/environmentvariablevalues.json", "/value/2/value"),
            App("CRED003", "Contoso LIMS Connector", "Client secret 'prod' expired 46 days ago and is still the only credential.", Severity.High),
            App("CRED004", "Pharmacovigilance Export", "Client secret is valid for 730 days; the policy maximum is 180 days.", Severity.Medium),
            App("CRED005", "Legacy Reporting API", "Application has 4 active client secrets; at most 2 are expected during rotation.", Severity.Low),
            App("SP001", "Łódź Warehouse Integration", "Service principal 'Łódź Warehouse Integration' has no owners.", Severity.High),
            App("SP001", "Clinical Trials Dashboard", "Service principal 'Clinical Trials Dashboard' has no owners.", Severity.High),
            App("SP002", "Marketing Automation", "All owners of 'Marketing Automation' are disabled accounts (Zoë Müller).", Severity.High),
            App("SP003", "Old Intranet Search", "Service principal 'Old Intranet Search' has not signed in for 412 days.", Severity.Low),
            App("PERM001", "Contoso LIMS Connector", "Application holds RoleManagement.ReadWrite.Directory (tier 0): it can make itself Global Administrator.", Severity.Critical),
            App("PERM002", "Mail Archiver", "Application holds Mail.ReadWrite for all mailboxes without an application access policy.", Severity.High),
            App("PERM003", "HR Sync 山田", "Application holds Directory.ReadWrite.All; the documented need is User.Read.All.", Severity.Medium),
            App("PERM004", "Teams Notifier", "Delegated consent to Files.ReadWrite.All granted for all users.", Severity.Medium),
        };
        findings.AddRange(Suppressed());
        return Build(findings);
    }

    /// <summary>The scan a week earlier: two findings since fixed, one new one not yet there.</summary>
    public static ScanResult Previous()
    {
        var current = Sample();
        var findings = current.Findings
            .Where(f => f.RuleId != "PERM001")
            .Append(App("SP004", "Retired Payroll Bridge", "Service principal 'Retired Payroll Bridge' has an owner who left.", Severity.Medium))
            .Append(Flow("FLOW006", "Weekly KPI mail", "Zoë Müller", DefaultEnvironment, "Flow 'Weekly KPI mail' sends data to a personal mailbox."))
            .ToList();
        return current with { Findings = findings, ScannedAt = ScannedAt.AddDays(-7), CollectedAt = ScannedAt.AddDays(-7), AsOf = ScannedAt.AddDays(-7) };
    }

    /// <summary>A tenant with <paramref name="count"/> findings spread over every rule, for layout and speed at scale.</summary>
    public static ScanResult Large(int count = 10_000)
    {
        var environments = new[] { DefaultEnvironment, LodzEnvironment, TokyoEnvironment };
        var owners = new[] { "Zoë Müller", "山田太郎", "Łukasz Wiśniewski", "Priya Natarajan", "Jean-Luc Dubois", "Ana María Sánchez" };
        var findings = new List<Finding>(count);
        for (var i = 0; i < count; i++)
        {
            var rule = Rules[i % Rules.Count];
            var env = environments[i % environments.Length];
            var owner = owners[i % owners.Length];
            var name = $"{(i % 7 == 0 ? "Łódź " : i % 11 == 0 ? "東京 " : string.Empty)}{rule.ResourceType} {i:D5} of {owner}";
            findings.Add(new Finding
            {
                RuleId = rule.Id, Title = rule.Title, Severity = rule.Severity,
                Resource = new ResourceRef { Type = rule.ResourceType, Id = $"{rule.ResourceType}-{i:D6}", DisplayName = name, EnvironmentId = env.Id, EnvironmentName = env.DisplayName, Owner = owner },
                Message = $"{rule.ResourceType} '{name}' fails {rule.Id}: {rule.Title.ToLowerInvariant()} (owner {owner}, environment {env.DisplayName}).",
                Evidence = [new Evidence { File = $"flows/{env.Id}.json", JsonPointer = $"/value/{i}/properties/creator", Description = "creator of the resource", Value = owner }],
                Remediation = rule.Remediation ?? "Fix it.", Controls = rule.Controls, Fingerprint = Fingerprint(rule.Id, $"{rule.ResourceType}-{i:D6}"),
                Docs = rule.Docs,
            });
        }
        return Build(findings);
    }

    private static ScanResult Build(IReadOnlyList<Finding> findings)
    {
        var failed = findings.Where(f => f.Status == FindingStatus.Open).GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Count());
        var inconclusive = Inconclusive();
        var inconclusiveByRule = inconclusive.GroupBy(i => i.RuleId).ToDictionary(g => g.Key, g => g.Count());
        return new ScanResult
        {
            Tool = new ToolVersion("tenant-scanner", "0.1.0"),
            RuleCatalogVersion = "2026.11.1",
            Tenant = new TenantInfo("8f1c2b7e-4d3a-4b9e-a1c2-3e4f5a6b7c8d", "Contoso Pharma"),
            ScannedAt = ScannedAt,
            CollectedAt = ScannedAt.AddMinutes(-12),
            AsOf = ScannedAt.AddMinutes(-12),
            SnapshotSha256 = "3b0f6c1e9a7d45e2b8c4f1a06d9e2c7b5a1f3e8d4c2b6a9071e5d3c8f2a4b6e1",
            Scope = new ScanScope([DefaultEnvironment, LodzEnvironment, TokyoEnvironment], ["graph", "powerAutomate", "powerApps", "dataverse", "keyVault"]),
            Coverage =
            [
                new CoverageEntry("dataverse", TokyoEnvironment.Id, 403, "The application user has no security role in this environment (403 Forbidden).", ["CRED002", "FLOW007"]),
                new CoverageEntry("keyVault", null, 404, "Key Vault 'kv-contoso-pharma' was not found (404); it may have been deleted or renamed.", ["CRED006"]),
            ],
            Rules = Rules.Select(r => r with
            {
                Failed = failed.GetValueOrDefault(r.Id),
                Inconclusive = inconclusiveByRule.GetValueOrDefault(r.Id),
                Passed = r.Enabled ? 40 + r.Id.Length * 3 : 0,
            }).ToList(),
            Findings = findings,
            Inconclusive = inconclusive,
            ExpiredSuppressions =
            [
                new SuppressionInfo { RuleId = "FLOW001", Resource = "flow-0f3a-payroll", Justification = "Payroll migration to a service account planned for Q3.", ApprovedBy = "Ingrid Søndergaard (CISO)", ApprovedOn = new DateOnly(2026, 1, 15), Expires = new DateOnly(2026, 9, 30), Expired = true, Source = "suppressions.yaml:12" },
                new SuppressionInfo { RuleId = "PERM002", Resource = "app-4411-mail-archiver", Justification = "Vendor requires full mailbox access until contract renewal.", ApprovedBy = "山田太郎", ApprovedOn = new DateOnly(2025, 11, 1), Expires = new DateOnly(2026, 10, 31), Expired = true, Source = "suppressions.yaml:20" },
            ],
            Incomplete = true,
        };
    }

    private static IEnumerable<Finding> Suppressed()
    {
        yield return Flow("FLOW001", "Zoë Müller — vacation auto-reply", "Zoë Müller", DefaultEnvironment, "Flow 'Zoë Müller — vacation auto-reply' runs under a personal account.") with
        {
            Status = FindingStatus.Suppressed,
            Suppression = new SuppressionInfo { RuleId = "FLOW001", Resource = "flow-zoe-vacation", Justification = "Personal productivity flow with no business data; reviewed by the data owner.", ApprovedBy = "Ingrid Søndergaard (CISO)", ApprovedOn = new DateOnly(2026, 6, 1), Expires = new DateOnly(2027, 5, 31), Source = "suppressions.yaml:3" },
        };
        yield return App("SP003", "Łódź Badge Reader", "Service principal 'Łódź Badge Reader' has not signed in for 200 days.", Severity.Low) with
        {
            Status = FindingStatus.Suppressed,
            Suppression = new SuppressionInfo { RuleId = "SP003", Resource = "app-lodz-badge", Justification = "Seasonal system, used only during the annual audit.", ApprovedBy = "Łukasz Wiśniewski", ApprovedOn = new DateOnly(2026, 3, 10), Expires = null, Source = "suppressions.yaml:8" },
        };
        yield return App("CRED004", "Clinical Data Lake", "Client secret is valid for 365 days; the policy maximum is 180 days.", Severity.Medium) with
        {
            Status = FindingStatus.Suppressed,
            Suppression = new SuppressionInfo { RuleId = "CRED004", Resource = "app-clinical-lake", Justification = "=cmd|' /C calc'!A0 — planted formula to test CSV injection", ApprovedBy = "@attacker", ApprovedOn = new DateOnly(2026, 8, 1), Expires = new DateOnly(2027, 1, 31), Source = "suppressions.yaml:15" },
        };
    }

    private static IReadOnlyList<InconclusiveResult> Inconclusive() =>
    [
        new("CRED002", new ResourceRef { Type = "environmentVariable", Id = "ev-tokyo-1", DisplayName = "東京 API key", EnvironmentId = TokyoEnvironment.Id, EnvironmentName = TokyoEnvironment.DisplayName }, "Dataverse environment variables could not be read (403)."),
        new("CRED002", new ResourceRef { Type = "environmentVariable", Id = "ev-tokyo-2", DisplayName = "東京 storage connection", EnvironmentId = TokyoEnvironment.Id, EnvironmentName = TokyoEnvironment.DisplayName }, "Dataverse environment variables could not be read (403)."),
        new("FLOW007", new ResourceRef { Type = "flow", Id = "flow-tokyo-sol-1", DisplayName = "山田太郎 solution flow", EnvironmentId = TokyoEnvironment.Id, EnvironmentName = TokyoEnvironment.DisplayName }, "Connection references could not be read (403)."),
        new("CRED006", new ResourceRef { Type = "keyVaultSecret", Id = "kv-contoso-pharma", DisplayName = "kv-contoso-pharma", Owner = null }, "Key Vault not found (404); secret expiry unknown."),
    ];

    private static Finding Flow(string ruleId, string name, string owner, EnvironmentScope env, string message)
    {
        var rule = Rules.Single(r => r.Id == ruleId);
        var id = "flow-" + Fingerprint(ruleId, name)[..8];
        return new Finding
        {
            RuleId = ruleId, Title = rule.Title, Severity = rule.Severity,
            Resource = new ResourceRef { Type = "flow", Id = id, DisplayName = name, EnvironmentId = env.Id, EnvironmentName = env.DisplayName, Owner = owner },
            Message = message,
            Evidence = [new Evidence { File = $"flows/{env.Id}.json", JsonPointer = "/value/0/properties/creator/userId", Description = "The flow's creator and only owner", Value = owner }],
            Remediation = rule.Remediation!, Controls = rule.Controls, Fingerprint = Fingerprint(ruleId, id), Docs = rule.Docs,
            RemediationCommand = ruleId == "FLOW001" ? $"scanner remediate reassign-flow --environment {env.Id} --flow {id} --to svc-automation@contoso-pharma.com" : null,
        };
    }

    private static Finding Secret(string ruleId, string name, string secret, string file, string pointer)
    {
        var rule = Rules.Single(r => r.Id == ruleId);
        var id = "secret-" + Fingerprint(ruleId, name)[..8];
        return new Finding
        {
            RuleId = ruleId, Title = rule.Title, Severity = rule.Severity,
            Resource = new ResourceRef { Type = ruleId == "CRED001" ? "flow" : "environmentVariable", Id = id, DisplayName = name, EnvironmentId = LodzEnvironment.Id, EnvironmentName = LodzEnvironment.DisplayName, Owner = "Zoë Müller" },
            Message = $"'{name}' contains a hardcoded secret ({SecretRedaction.Fingerprint(secret)}).",
            Evidence = [new Evidence { File = file, JsonPointer = pointer, Description = $"secret value, fingerprint {SecretRedaction.Fingerprint(secret)}", Value = SecretRedaction.Preview(secret), Redacted = true }],
            Remediation = rule.Remediation!, Controls = rule.Controls, Fingerprint = Fingerprint(ruleId, id), Docs = rule.Docs,
            RemediationCommand = $"scanner remediate move-secret --resource {id} --vault kv-contoso-pharma",
        };
    }

    private static Finding App(string ruleId, string name, string message, Severity severity)
    {
        var rule = Rules.Single(r => r.Id == ruleId);
        var id = "app-" + Fingerprint(ruleId, name)[..8];
        return new Finding
        {
            RuleId = ruleId, Title = rule.Title, Severity = severity,
            Resource = new ResourceRef { Type = rule.ResourceType, Id = id, DisplayName = name, Owner = ruleId.StartsWith("SP00", StringComparison.Ordinal) && ruleId != "SP003" ? null : "Ingrid Søndergaard" },
            Message = message,
            Evidence = [new Evidence { File = "graph/servicePrincipals.json", JsonPointer = "/value/12/passwordCredentials/0/endDateTime", SourceUrl = "https://graph.microsoft.com/v1.0/servicePrincipals", Description = "credential metadata", Value = "2026-10-05T00:00:00Z" }],
            Remediation = rule.Remediation!, Controls = rule.Controls, Fingerprint = Fingerprint(ruleId, id), Docs = rule.Docs,
        };
    }

    private static string Fingerprint(string ruleId, string resource) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ruleId + "|" + resource)))[..16];

    private static IReadOnlyList<RuleSummary> BuildRules()
    {
        RuleSummary Rule(string id, string title, Severity severity, string family, string type, string rationale, string remediation, params string[] controls) => new()
        {
            Id = id, Title = title, Severity = severity, Family = family, ResourceType = type, Rationale = rationale, Remediation = remediation,
            Controls = controls, Docs = $"https://github.com/contoso/tenant-scanner/blob/main/docs/rules/{id}.md",
        };
        const string flowFix = "Move the flow to a service account or a service principal connection, add a second owner, and turn off the personal connection.";
        return
        [
            Rule("FLOW001", "Flow runs under a personal account", Severity.High, "flows", "flow", "A flow running under a person's account stops when that person leaves, and acts with all of their permissions — an audit cannot tell the person from the automation.", flowFix, "CIS M365 5.1.2", "ISO 27001 A.5.18"),
            Rule("FLOW002", "Flow owned only by disabled users", Severity.High, "flows", "flow", "Nobody can maintain or stop a flow whose owners are all disabled.", "Assign an active owner or turn the flow off.", "ISO 27001 A.5.9"),
            Rule("FLOW003", "Connection shared too widely", Severity.Medium, "flows", "connection", "A shared connection lets every co-owner act as its creator.", "Stop sharing the connection; give each flow a service connection.", "ISO 27001 A.8.2"),
            Rule("FLOW004", "Unauthenticated HTTP call to an external endpoint", Severity.Medium, "flows", "flow", "Data leaves the tenant with no control over who receives it.", "Use an authenticated connector or restrict the endpoint with a DLP policy.", "ISO 27001 A.8.12"),
            Rule("FLOW005", "Flow failing for more than 14 days", Severity.Low, "flows", "flow", "A failing business process nobody notices is an availability risk.", "Fix or turn off the flow and set up failure alerts.", "ISO 27001 A.8.16"),
            Rule("FLOW006", "Flow sends data to a personal mailbox", Severity.Medium, "flows", "flow", "Business data sent to personal mailboxes escapes retention and eDiscovery.", "Send to a shared mailbox or a Teams channel.", "ISO 27001 A.5.14"),
            Rule("FLOW007", "Solution flow with unbound connection reference", Severity.Low, "flows", "flow", "An unbound reference makes deployment fail silently.", "Bind every connection reference to a service connection.", "ISO 27001 A.8.32"),
            Rule("SP001", "Service principal without owners", Severity.High, "ownership", "servicePrincipal", "Nobody is accountable for an app without owners: nobody rotates its credentials or reviews its permissions.", "Assign at least two owners from the team that runs the application.", "CIS M365 1.1.4", "ISO 27001 A.5.9"),
            Rule("SP002", "All owners disabled", Severity.High, "ownership", "servicePrincipal", "Disabled owners cannot respond to an incident involving the app.", "Replace the disabled owners with active ones.", "ISO 27001 A.5.9"),
            Rule("SP003", "Service principal unused for 180 days", Severity.Low, "ownership", "servicePrincipal", "Unused apps with credentials are attack surface with no business value.", "Disable the service principal, then delete it after a grace period.", "ISO 27001 A.5.18"),
            Rule("SP004", "Owner has left the organisation", Severity.Medium, "ownership", "servicePrincipal", "An owner who left cannot be reached.", "Assign an active owner.", "ISO 27001 A.5.11"),
            Rule("CRED001", "Hardcoded secret in flow definition", Severity.Critical, "secrets", "flow", "Anyone who can read the flow can read the secret, and it is exported with every solution.", "Move the secret to Key Vault, reference it through an environment variable of type secret, and rotate it.", "CIS M365 5.2.1", "ISO 27001 A.5.17"),
            Rule("CRED002", "Secret in plain-text environment variable", Severity.High, "secrets", "environmentVariable", "Plain-text environment variables are readable by every maker in the environment.", "Use an environment variable of type secret backed by Key Vault, and rotate the value.", "ISO 27001 A.5.17"),
            Rule("CRED003", "Expired credential still configured", Severity.High, "credentials", "application", "An expired credential signals a broken or abandoned rotation process.", "Remove the expired credential and issue a certificate or federated credential.", "ISO 27001 A.5.17"),
            Rule("CRED004", "Client secret lifetime above policy", Severity.Medium, "credentials", "application", "Long-lived secrets stay useful to an attacker for longer.", "Reissue with a lifetime within policy, or move to certificates.", "CIS M365 1.3.2"),
            Rule("CRED005", "Too many active client secrets", Severity.Low, "credentials", "application", "Extra secrets are forgotten and never rotated.", "Remove secrets that are not in use.", "ISO 27001 A.5.17"),
            Rule("CRED006", "Key Vault secret without expiry", Severity.Medium, "credentials", "keyVaultSecret", "A secret without expiry is never forced into rotation.", "Set an expiry date and a rotation policy.", "ISO 27001 A.8.24"),
            Rule("PERM001", "Tier-0 application permission", Severity.Critical, "permissions", "application", "A tier-0 permission lets the app take over the tenant.", "Remove the permission; use a narrowly scoped role assignment instead.", "CIS M365 1.1.1", "ISO 27001 A.8.2"),
            Rule("PERM002", "Mailbox-wide mail access", Severity.High, "permissions", "application", "Reading every mailbox exposes all correspondence of the company.", "Restrict with an application access policy or use a narrower permission.", "ISO 27001 A.8.3"),
            Rule("PERM003", "Permission broader than documented need", Severity.Medium, "permissions", "application", "Excess permissions turn a compromised app into a bigger breach.", "Replace with the least-privileged permission that covers the need.", "ISO 27001 A.8.2"),
            Rule("PERM004", "Tenant-wide delegated consent to files", Severity.Medium, "permissions", "application", "Consent for all users lets the app act on every user's files.", "Revoke the tenant-wide grant; let users consent individually or assign to a group.", "ISO 27001 A.8.3"),
            Rule("PERM005", "Guest with directory role", Severity.High, "permissions", "user", "Guests are governed by another organisation's lifecycle.", "Remove the role or convert the guest to a member account.", "ISO 27001 A.5.18") with { Enabled = false },
        ];
    }
}
