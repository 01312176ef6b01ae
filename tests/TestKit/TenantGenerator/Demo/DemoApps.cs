namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>
/// Contoso Pharma's own app registrations. The first group each plant one problem; the rest are
/// well-governed apps (two enabled owners, a documented business owner, short-lived certificates
/// or federated credentials, least-privilege permissions) so that every rule also passes.
/// </summary>
internal static class DemoApps
{
    private static DateTimeOffset D(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static DemoCredential Cert(string name, DateTimeOffset start, int months) => new(true, name, start, start.AddMonths(months));

    private static DemoCredential Secret(string name, DateTimeOffset start, DateTimeOffset end) => new(false, name, start, end);

    private const string GitHub = "https://token.actions.githubusercontent.com";

    public static IReadOnlyList<DemoApp> All { get; } =
    [
        // ---- well governed: the reference passes -------------------------------------------------
        new()
        {
            Key = "finance-invoice", DisplayName = "Finance Invoice Automation", Owners = ["zoe.mueller", "anna.kowalska"],
            Notes = "Business owner: Finance (Zoë Müller); Environment: Production", Tags = ["BusinessOwner=Finance (Zoë Müller)", "Environment=Production"],
            Credentials = [Cert("CN=finance-invoice-automation", D(2026, 8, 1), 6)], GraphPermissions = ["Sites.Selected", "User.Read.All"],
        },
        new()
        {
            Key = "hr-onboarding", DisplayName = "HR Onboarding Connector", Owners = ["agnieszka.brzezinska", "jurgen.schafer"],
            Notes = "Business owner: Human Resources (Agnieszka Brzezińska); Environment: Production", Tags = ["BusinessOwner=Human Resources"],
            FederatedCredentials = [("github-hr-onboarding-production", GitHub, "repo:contoso-pharma/hr-onboarding:environment:production")],
            GraphPermissions = ["User.Read.All"],
        },
        new()
        {
            Key = "lodz-portal", DisplayName = "Łódź Operations Portal", Owners = ["lukasz.wojcik", "tomasz.lewandowski"],
            Notes = "Business owner: Operations Łódź (Łukasz Wójcik); Environment: Production", Tags = ["BusinessOwner=Operations Łódź"],
            Credentials = [Cert("CN=lodz-operations-portal", D(2026, 7, 15), 6)], GraphPermissions = ["Sites.Selected"],
            RedirectUris = ["https://lodz-ops.contosopharma.com/signin-oidc"],
        },
        new()
        {
            Key = "pa-service-connection", DisplayName = "Power Automate Service Connection", Owners = ["oliver.bennett", "piotr.zielinski"],
            Notes = "Business owner: IT Applications (Jürgen Schäfer); Environment: Production; used by solution flows as oauthSP connections",
            Tags = ["BusinessOwner=IT Applications"], Credentials = [Cert("CN=pa-service-connection", D(2026, 9, 1), 6)],
        },
        new()
        {
            Key = "reporting-reader", DisplayName = "Reporting Dashboard Reader", Owners = ["lars.eriksen", "zoe.mueller"],
            Notes = "Business owner: Finance (Lars Eriksen); Environment: Production", Tags = ["BusinessOwner=Finance"],
            FederatedCredentials = [("github-reporting-main", GitHub, "repo:contoso-pharma/finance-reporting:ref:refs/heads/main")],
            GraphPermissions = ["User.Read.All"], DirectoryRoles = ["Directory Readers"],
        },
        new()
        {
            Key = "expense-reporting", DisplayName = "Expense Reporting", Owners = ["lars.eriksen", "malgorzata.dabrowska"],
            Notes = "Business owner: Finance (Małgorzata Dąbrowska); Environment: Production", Tags = ["BusinessOwner=Finance"],
            Credentials = [Cert("CN=expense-reporting", D(2026, 10, 1), 6)], AdminConsentedGraphScopes = "User.Read openid profile offline_access",
            RedirectUris = ["https://expenses.contosopharma.com/signin-oidc"],
        },
        new()
        {
            Key = "regulatory-tracker", DisplayName = "Regulatory Submissions Tracker", Owners = ["helene.garcon", "hannah.weber"],
            Tags = ["BusinessOwner=Regulatory Affairs (Hélène Garçon)"], Credentials = [Cert("CN=regulatory-tracker", D(2026, 7, 20), 6)],
            GraphPermissions = ["Sites.Selected"],
        },
        new()
        {
            Key = "warehouse-scanner", DisplayName = "Warehouse Scanner App", Owners = ["tomasz.lewandowski", "lukasz.wojcik"],
            Notes = "Business owner: Operations (Tomasz Lewandowski); Environment: Production",
            FederatedCredentials = [("github-warehouse-scanner", GitHub, "repo:contoso-pharma/warehouse-scanner:environment:prod")],
        },
        new()
        {
            Key = "clinical-portal", DisplayName = "Clinical Trials Portal", Owners = ["ines.oliveira", "aisha.khan"],
            Notes = "Business owner: Clinical Operations (Inês Oliveira); Environment: Production", Tags = ["BusinessOwner=Clinical Operations"],
            Credentials = [Cert("CN=clinical-trials-portal", D(2026, 9, 10), 6)], GraphPermissions = ["Sites.Selected"],
        },
        new()
        {
            Key = "lab-results", DisplayName = "Lab Results Importer", Owners = ["matthias.koenig", "ines.oliveira"],
            Notes = "Business owner: R&D (Matthias König); Environment: Production", Tags = ["BusinessOwner=R&D"],
            FederatedCredentials = [("github-lab-results", GitHub, "repo:contoso-pharma/lab-results-importer:environment:production")],
        },
        new()
        {
            Key = "payroll-export", DisplayName = "Payroll Export (Zürich)", Owners = ["katrin.vogel", "zoe.mueller"],
            Notes = "Business owner: Human Resources Zürich (Katrin Vogel); Environment: Production", Tags = ["BusinessOwner=HR Zürich"],
            Credentials = [Cert("CN=payroll-export-zurich", D(2026, 10, 15), 6)],
        },
        new()
        {
            Key = "pv-intake", DisplayName = "Pharmacovigilance Intake", Owners = ["aisha.khan", "hannah.weber"],
            Notes = "Business owner: Drug Safety (Aisha Khan); Environment: Production", Tags = ["BusinessOwner=Drug Safety"],
            FederatedCredentials = [("github-pv-intake", GitHub, "repo:contoso-pharma/pv-intake:environment:production")], GraphPermissions = ["Sites.Selected"],
        },
        new()
        {
            Key = "training-sync", DisplayName = "Training Records Sync", Owners = ["elodie.martin", "agnieszka.brzezinska"],
            Notes = "Business owner: Learning & Development (Élodie Martin); Environment: Production", Tags = ["BusinessOwner=Learning & Development"],
            Credentials = [Cert("CN=training-records-sync", D(2026, 8, 20), 6)], GraphPermissions = ["User.Read.All"],
        },
        new()
        {
            Key = "brand-assets", DisplayName = "Brand Assets Library", Owners = ["giulia.romano", "maria.jose.nunez"],
            Notes = "Business owner: Marketing (Giulia Romano); Environment: Production", Tags = ["BusinessOwner=Marketing"],
            Credentials = [Cert("CN=brand-assets-library", D(2026, 7, 1), 6)], GraphPermissions = ["Sites.Selected"],
        },
        new()
        {
            Key = "qms-sync", DisplayName = "Quality Management Sync", Owners = ["francois.lefevre", "helene.garcon"],
            Notes = "Business owner: Quality (François Lefèvre); Environment: Production", Tags = ["BusinessOwner=Quality"],
            Credentials = [Cert("CN=quality-management-sync", D(2026, 9, 25), 6)],
        },
        new()
        {
            Key = "field-service", DisplayName = "Field Service Mobile", Owners = ["ahmed.hassan", "chen.wei"],
            Notes = "Business owner: Service (Ahmed Hassan); Environment: Production", Tags = ["BusinessOwner=Service"],
            FederatedCredentials = [("github-field-service", GitHub, "repo:contoso-pharma/field-service-mobile:environment:production")],
        },
        new()
        {
            Key = "supplier-portal", DisplayName = "Supplier Portal", Owners = ["emma.thompson", "taro.yamada"], SignInAudience = "AzureADMultipleOrgs",
            Notes = "Business owner: Procurement (Emma Thompson); Environment: Production", Tags = ["BusinessOwner=Procurement"],
            Credentials = [Cert("CN=supplier-portal", D(2026, 8, 5), 6)], RedirectUris = ["https://suppliers.contosopharma.com/signin-oidc"],
        },
        new()
        {
            Key = "feedback-analyzer", DisplayName = "Customer Feedback Analyzer", Owners = ["jose.ramirez", "giulia.romano"],
            Notes = "Business owner: Sales (José Ramírez); Environment: Production", Tags = ["BusinessOwner=Sales"],
            Credentials = [Cert("CN=customer-feedback-analyzer", D(2026, 10, 20), 6)],
        },
        new()
        {
            Key = "teams-bot", DisplayName = "Contoso Pharma Teams Bot", Owners = ["noah.fischer", "giulia.romano"],
            Notes = "Business owner: Internal Communications (Giulia Romano); Environment: Production", Tags = ["BusinessOwner=Internal Communications"],
            // The app itself is fine; a secret was added to the service principal object (CRED004).
            Credentials = [Cert("CN=contoso-teams-bot", D(2026, 9, 15), 6), new DemoCredential(false, "bot-framework", D(2026, 9, 1), D(2027, 2, 20), OnServicePrincipal: true)],
        },

        // ---- planted problems ----------------------------------------------------------------
        new()
        {
            // SP001 + SP004 + CRED001 + CRED003 + CRED005: nobody owns it, nothing says who needs it, its two-year secret expired.
            // CRED007: its app registration's notes hold a client secret "for safekeeping".
            Key = "legacy-sap", DisplayName = "Legacy SAP Bridge", ClientSecretInNotes = true,
            Notes = "SAP RFC bridge for the 2019 ERP interface.",
            Credentials = [Secret("sap-bridge-2024", D(2024, 9, 30), D(2026, 9, 30))], Created = D(2019, 5, 6),
        },
        new()
        {
            // SP002 + CRED003 + CRED005: one owner was deleted, the other is a disabled leaver; a 2-year client secret.
            Key = "data-sync", DisplayName = "Contoso Data Sync", Owners = ["henrik.larsen", "marek.nowak"],
            Notes = "Business owner: IT Applications (Jürgen Schäfer); Environment: Production", Tags = ["BusinessOwner=IT Applications"],
            Credentials = [Secret("datasync-prod", D(2026, 2, 1), D(2028, 2, 1))], GraphPermissions = ["User.Read.All"],
        },
        new()
        {
            // SP003 + CRED002 + CRED005 + PERM003: a single owner, a secret expiring 15 days after collection, read/write access to every mailbox.
            Key = "marketing-mailer", DisplayName = "Marketing Campaign Mailer", Owners = ["maria.jose.nunez"],
            Notes = "Business owner: Marketing (María José Núñez); Environment: Production", Tags = ["BusinessOwner=Marketing"],
            Credentials = [Secret("mailer-2026", D(2026, 6, 10), D(2026, 12, 5))], GraphPermissions = ["Mail.ReadWrite"],
        },
        new()
        {
            // SP004: well run except that nobody wrote down who the business owner is.
            Key = "sales-forecast", DisplayName = "Sales Forecast Model", Owners = ["jose.ramirez", "lars.eriksen"],
            Description = "Forecast model refresh", Credentials = [Cert("CN=sales-forecast-model", D(2026, 9, 1), 6)],
        },
        new()
        {
            // PERM001 + PERM002 + CRED003: can assign itself any directory role, holds Global Administrator, two-year certificate.
            Key = "directory-sync", DisplayName = "Directory Sync Tool", Owners = ["astrid.lindqvist", "david.cohen"],
            Notes = "Business owner: IT Security (Astrid Lindqvist); Environment: Production", Tags = ["BusinessOwner=IT Security"],
            Credentials = [Cert("CN=directory-sync-tool", D(2025, 11, 1), 24)], GraphPermissions = ["RoleManagement.ReadWrite.Directory"],
            DirectoryRoles = ["Global Administrator"],
        },
        new()
        {
            // PERM001 + PERM002: can grant itself any permission and add credentials to any app; Application Administrator.
            Key = "provisioning", DisplayName = "Contoso Provisioning Service", Owners = ["oliver.bennett", "astrid.lindqvist"],
            Notes = "Business owner: IT Security (David Cohen); Environment: Production", Tags = ["BusinessOwner=IT Security"],
            FederatedCredentials = [("ado-provisioning", "https://vstoken.dev.azure.com/4f0c2a1e-9b8d-4c7e-a6f5-3d2b1c0e9f8a", "sc://contoso-pharma/identity/provisioning-service")],
            GraphPermissions = ["AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All"], DirectoryRoles = ["Application Administrator"],
        },
        new()
        {
            // PERM003: read/write to every file and full control of every SharePoint site.
            Key = "archive-crawler", DisplayName = "Document Archive Crawler", Owners = ["matthias.koenig", "hannah.weber"],
            Notes = "Business owner: Legal & Compliance (Hannah Weber); Environment: Production", Tags = ["BusinessOwner=Legal & Compliance"],
            Credentials = [Cert("CN=document-archive-crawler", D(2026, 8, 10), 6)], GraphPermissions = ["Files.ReadWrite.All", "Sites.FullControl.All"],
        },
        new()
        {
            // PERM004: an admin consented broad delegated scopes for every user.
            Key = "intranet", DisplayName = "Contoso Intranet (SPFx)", Owners = ["noah.fischer", "oliver.bennett"],
            Notes = "Business owner: Internal Communications (Giulia Romano); Environment: Production", Tags = ["BusinessOwner=Internal Communications"],
            Credentials = [Cert("CN=contoso-intranet", D(2026, 10, 5), 6)], AdminConsentedGraphScopes = "Mail.ReadWrite Files.ReadWrite.All Directory.ReadWrite.All",
            RedirectUris = ["https://contosopharma.sharepoint.com/_forms/spfxsinglesignon.aspx"],
        },
        new()
        {
            // PERM005: registered as a Power Platform management application (tenant-admin rights in Power Platform).
            Key = "pp-admin", DisplayName = "Power Platform Admin Automation", Owners = ["oliver.bennett", "soren.baekgaard"],
            Notes = "Business owner: Power Platform CoE (Oliver Bennett); Environment: Production", Tags = ["BusinessOwner=Power Platform CoE"],
            FederatedCredentials = [("github-pp-admin", GitHub, "repo:contoso-pharma/power-platform-alm:environment:admin")], PowerPlatformManagementApp = true,
        },
        new()
        {
            // CRED001: an expired certificate was never removed (a current one sits beside it).
            Key = "qa-harness", DisplayName = "QA Test Harness", Owners = ["francois.lefevre", "helene.garcon"],
            Notes = "Business owner: Quality (François Lefèvre); Environment: UAT", Tags = ["BusinessOwner=Quality"],
            Credentials = [Cert("CN=qa-test-harness-2025", D(2025, 5, 1), 6), Cert("CN=qa-test-harness-2026", D(2026, 10, 1), 6)],
        },
    ];
}
