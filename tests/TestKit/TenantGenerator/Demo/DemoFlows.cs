using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Shapes;
using static TenantScanner.TestKit.TenantGenerator.Demo.DemoPowerPlatformBuilder;
using static TenantScanner.TestKit.TenantGenerator.Shapes.Connectors;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>
/// The demo's 42 flows. Default holds personal flows (most run on people's connections, as in real
/// tenants); Production and UAT hold solution flows bound through connection references; the
/// Łódź Operations environment holds a few Polish-named ones. Comments name the rule each plants.
/// </summary>
internal sealed class DemoFlows(DemoPowerPlatformBuilder pp, DemoPeople people, DemoPlants plants, DemoDirectory directory, string tenantId)
{
    private static readonly ConnectionError ExpiredRefreshToken = new("Unauthenticated",
        "Failed to refresh access token for service: excelonlinebusiness. Correlation Id=8d3f0e2a-51c4-4b7e-9a61-2f0c5e7d9b13, UTC TimeStamp=11/19/2026 06:02:17, Error: AADSTS700082: The refresh token has expired due to inactivity.");

    private static readonly ConnectionError DisabledAccount = new("Unauthenticated",
        "Failed to refresh access token for service: sharepointonline. Correlation Id=1c7a9e3b-6d2f-4a58-b0e4-93f1d2c6a870, UTC TimeStamp=11/19/2026 05:45:09, Error: AADSTS50057: The user account is disabled.");

    private static readonly ConnectionError ExpiredCertificate = new("Unauthenticated",
        "Failed to get access token for service principal. Error: AADSTS700027: The certificate with identifier used to sign the client assertion is expired on application.");

    public void AddDefault(EnvironmentSpec env)
    {
        FlowConnectionSpec U(string user, string api, ConnectionError? error = null) => new(pp.UserConnection(env, user, api, error));
        FlowConnectionSpec S(string app, string api, string creator) => new(pp.ServicePrincipalConnection(env, app, api, creator));
        FlowOwnerSpec[] Only(string user) => [OwnerUser(people[user])];
        BusinessFlowShape Shape(FlowTriggerShape trigger, string subject, int hour = 2) => new() { Trigger = trigger, Subject = subject, ScheduleHour = hour };

        var invoice = Shape(FlowTriggerShape.SharePointItemCreated, "invoice approval") with
        {
            SiteUrl = "https://contosopharma.sharepoint.com/sites/FinanceEMEA",
            ExtraSteps = [plants.TokenRequestWithClientSecret(tenantId, directory.AppId("finance-invoice"))], // FLOW004: Entra client secret
        };
        Add(env, "Invoice approval – EMEA", "anna.kowalska", Only("anna.kowalska"), [U("anna.kowalska", SharePoint), U("anna.kowalska", Office365)], invoice);
        plants.Record("FLOW004", "entra-client-secret", "Invoice approval – EMEA", env.DisplayName, "HTTP_Get_SAP_token.inputs.body", plants.EntraClientSecret,
            $"client_secret={plants.EntraClientSecret}");

        Add(env, "New hire onboarding", "agnieszka.brzezinska", Only("agnieszka.brzezinska"),
            [U("agnieszka.brzezinska", SharePoint), U("agnieszka.brzezinska", Office365), U("agnieszka.brzezinska", Teams)],
            Shape(FlowTriggerShape.SharePointItemCreated, "new hire") with { SiteUrl = "https://contosopharma.sharepoint.com/sites/HR" });
        // FLOW007: the Excel connection's refresh token expired.
        Add(env, "Daily sales digest", "jose.ramirez", Only("jose.ramirez"), [U("jose.ramirez", Excel, ExpiredRefreshToken), U("jose.ramirez", Office365)],
            Shape(FlowTriggerShape.Scheduled, "sales digest", 6));
        // FLOW003: owner and connection identity Henrik Larsen was deleted.
        Add(env, "Purchase order archiving", "henrik.larsen", [OwnerUser(people["henrik.larsen"]), OwnerUser(people["emma.thompson"], "CanEdit")],
            [U("henrik.larsen", Office365), U("emma.thompson", SharePoint)], Shape(FlowTriggerShape.NewEmail, "purchase order"));
        // FLOW003 + FLOW007: owner Marek Nowak is disabled; his SharePoint connection fails.
        Add(env, "Warehouse stock alert", "marek.nowak", Only("marek.nowak"), [U("marek.nowak", SharePoint, DisabledAccount), U("marek.nowak", Teams)],
            Shape(FlowTriggerShape.Scheduled, "stock alert", 5));
        Add(env, "Supplier onboarding requests", "taro.yamada", Only("taro.yamada"), [U("taro.yamada", SharePoint), U("taro.yamada", Office365)],
            Shape(FlowTriggerShape.SharePointItemCreated, "supplier onboarding") with { SiteUrl = "https://contosopharma.sharepoint.com/sites/Procurement" });
        Add(env, "Shipment delay notifications", "taro.yamada", Only("taro.yamada"), [U("taro.yamada", SharePoint), U("taro.yamada", Teams)],
            Shape(FlowTriggerShape.Scheduled, "shipment delay", 4));
        Add(env, "東京物流 日次レポート", "sakura.tanaka", [OwnerUser(people["sakura.tanaka"]), OwnerUser(people["taro.yamada"])],
            [U("sakura.tanaka", Excel), U("taro.yamada", Office365)], Shape(FlowTriggerShape.Scheduled, "物流レポート", 23));
        // FLOW004: a SAS URL with its signature.
        Add(env, "Quarterly report distribution", "lars.eriksen", Only("lars.eriksen"), [U("lars.eriksen", Office365)],
            Shape(FlowTriggerShape.Scheduled, "quarterly report", 7) with { ExtraSteps = [plants.SasDownload()] });
        plants.Record("FLOW004", "sas-url", "Quarterly report distribution", env.DisplayName, "HTTP_Download_board_pack.inputs.uri", plants.SasSignature, plants.SasUrl);
        // FLOW006: anyone with the URL can trigger it; FLOW004: the function key is in the URL.
        Add(env, "Order webhook relay", "noah.fischer", Only("noah.fischer"), [S("pa-service-connection", Sql, "noah.fischer")],
            Shape(FlowTriggerShape.HttpRequest, "order") with { ExtraSteps = [plants.FunctionCall()] });
        plants.Record("FLOW004", "function-key-url", "Order webhook relay", env.DisplayName, "HTTP_Relay_to_order_function.inputs.uri", plants.FunctionKey, plants.FunctionUrl);
        // FLOW006 passes: only users of the tenant may trigger it. FLOW002 passes: a group co-owns it.
        Add(env, "Partner intake webhook", "noah.fischer", [OwnerUser(people["noah.fischer"]), pp.OwnerGroup("Automation CoE", "automation-coe")],
            [S("pa-service-connection", Sql, "noah.fischer")], Shape(FlowTriggerShape.HttpRequest, "partner intake") with { HttpTriggerAuthentication = "Tenant" });
        // FLOW001/FLOW002 pass: service-principal connections and a service principal co-owner. Decoy: the secret read from Key Vault.
        Add(env, "Blob export of lab results", "matthias.koenig", [OwnerUser(people["matthias.koenig"]), pp.OwnerServicePrincipal("pa-service-connection")],
            [S("pa-service-connection", KeyVault, "matthias.koenig"), S("pa-service-connection", AzureBlob, "matthias.koenig")],
            Shape(FlowTriggerShape.Scheduled, "lab results", 1) with { ExtraSteps = [DemoPlants.KeyVaultGetSecretSecure("lab-api-key"), DemoPlants.UseKeyVaultSecret()] });
        // Decoys only: parameter reference, placeholder, GUID, ETag.
        Add(env, "Marketing newsletter signup", "maria.jose.nunez", Only("maria.jose.nunez"), [U("maria.jose.nunez", Office365)],
            Shape(FlowTriggerShape.Manual, "newsletter signup") with { ExtraSteps = [DemoPlants.Decoys()], ExtraParameters = DemoPlants.ClientSecretParameter() });
        Add(env, "Expense receipt collector", "lukasz.wojcik", Only("lukasz.wojcik"), [U("lukasz.wojcik", Office365), U("lukasz.wojcik", OneDrive)],
            Shape(FlowTriggerShape.NewEmail, "expense receipt"));
        Add(env, "IT asset requests", "bjorn.nilsson", Only("bjorn.nilsson"), [U("bjorn.nilsson", SharePoint), U("bjorn.nilsson", Teams)],
            Shape(FlowTriggerShape.SharePointItemCreated, "asset request") with { SiteUrl = "https://contosopharma.sharepoint.com/sites/ITServiceDesk" });
        Add(env, "Training reminders", "elodie.martin", Only("elodie.martin"), [U("elodie.martin", Office365), U("elodie.martin", SharePoint)],
            Shape(FlowTriggerShape.Scheduled, "training reminder", 8));
        Add(env, "Brand asset approvals", "giulia.romano", Only("giulia.romano"), [U("giulia.romano", SharePoint), U("giulia.romano", Office365)],
            Shape(FlowTriggerShape.SharePointItemCreated, "brand asset") with { SiteUrl = "https://contosopharma.sharepoint.com/sites/Brand" });
        Add(env, "Compliance attestation reminder", "hannah.weber", Only("hannah.weber"), [U("hannah.weber", Office365)],
            Shape(FlowTriggerShape.Scheduled, "attestation", 9));
        Add(env, "Field service visit summary", "ahmed.hassan", Only("ahmed.hassan"), [U("ahmed.hassan", Office365), U("ahmed.hassan", OneDrive)],
            Shape(FlowTriggerShape.Manual, "visit summary"));
        Add(env, "Procurement spend dashboard refresh", "emma.thompson", Only("emma.thompson"), [U("emma.thompson", Excel), U("emma.thompson", SharePoint)],
            Shape(FlowTriggerShape.Scheduled, "spend dashboard", 3));
        Add(env, "Safety case intake", "aisha.khan", Only("aisha.khan"), [U("aisha.khan", Office365), U("aisha.khan", SharePoint)],
            Shape(FlowTriggerShape.NewEmail, "safety case"));
        Add(env, "Przypomnienia o płatnościach – Łódź", "malgorzata.dabrowska", Only("malgorzata.dabrowska"),
            [U("malgorzata.dabrowska", Office365), U("malgorzata.dabrowska", Excel)], Shape(FlowTriggerShape.Scheduled, "płatności", 7));
        Add(env, "Save email attachments to OneDrive", "priya.raman", Only("priya.raman"), [U("priya.raman", Office365), U("priya.raman", OneDrive)],
            Shape(FlowTriggerShape.NewEmail, "attachment"), state: "Stopped");
        // Passes FLOW001/002/003/007: service-principal connections, a group co-owner.
        Add(env, "Clinical data export", "ines.oliveira", [OwnerUser(people["ines.oliveira"]), pp.OwnerGroup("Clinical Data Team", "clinical-data")],
            [S("lab-results", Sql, "ines.oliveira"), S("lab-results", AzureBlob, "ines.oliveira")], Shape(FlowTriggerShape.Scheduled, "clinical data", 0));
        Add(env, "Lab instrument calibration log", "matthias.koenig", Only("matthias.koenig"), [U("matthias.koenig", Excel)],
            Shape(FlowTriggerShape.Manual, "calibration"));
        // A shared "service account" is still a person's account to the rules (FLOW001, FLOW002).
        Add(env, "Service desk ticket triage", "bjorn.nilsson", [OwnerUser(people["bjorn.nilsson"]), OwnerUser(people["svc.powerautomate"])],
            [U("svc.powerautomate", Office365), U("svc.powerautomate", Teams)], Shape(FlowTriggerShape.NewEmail, "ticket"));
    }

    public void AddProduction(EnvironmentSpec env)
    {
        var finance = pp.ApplicationUser(env, "finance-invoice");
        var service = pp.ApplicationUser(env, "pa-service-connection");
        pp.ApplicationUser(env, "pp-admin");
        pp.ApplicationUser(env, "legacy-sap", disabled: true);
        var piotr = pp.PersonSystemUser(env, "piotr.zielinski");
        FlowConnectionSpec U(string user, string api, SystemUserSpec owner) => pp.Reference(env, pp.UserConnection(env, user, api), owner.SystemUserId);
        FlowConnectionSpec S(string app, string api, SystemUserSpec owner) => pp.Reference(env, pp.ServicePrincipalConnection(env, app, api, "piotr.zielinski"), owner.SystemUserId);
        BusinessFlowShape Shape(FlowTriggerShape trigger, string subject, int hour = 2) => new()
        {
            Trigger = trigger, Subject = subject, ScheduleHour = hour, SiteUrl = "https://contosopharma.sharepoint.com/sites/Operations",
        };

        // FLOW001 (critical: scheduled, Production, Piotr's own Outlook sign-in), FLOW002, FLOW004 (Basic auth password).
        Solution(env, "Nightly SAP export", "piotr.zielinski", piotr, [OwnerUser(people["piotr.zielinski"])],
            [S("pa-service-connection", Sql, piotr), U("piotr.zielinski", Office365, piotr)],
            Shape(FlowTriggerShape.Scheduled, "SAP export", 2) with { ExtraSteps = [plants.SapBasicAuthCall()] });
        plants.Record("FLOW004", "basic-auth-password", "Nightly SAP export", env.DisplayName, "HTTP_Post_to_SAP_gateway.inputs.authentication.password", plants.BasicPassword);
        // Passes everything: owned by an application user, service-principal connections only.
        Solution(env, "Invoice posting to SAP – EMEA", "piotr.zielinski", finance, [pp.OwnerServicePrincipal("finance-invoice")],
            [S("finance-invoice", Sql, finance), S("finance-invoice", Connectors.Dataverse, finance)], Shape(FlowTriggerShape.DataverseRowAdded, "invoice posting"));
        // FLOW005: the Key Vault secret read is not marked secure, so it shows in run history.
        Solution(env, "Vendor portal sync", "piotr.zielinski", service, [pp.OwnerServicePrincipal("pa-service-connection")],
            [S("pa-service-connection", Sql, service), S("pa-service-connection", KeyVault, service)],
            Shape(FlowTriggerShape.Scheduled, "vendor sync", 4) with { ExtraSteps = [DemoPlants.KeyVaultGetSecretInsecure("sap-client-secret"), DemoPlants.UseKeyVaultSecret()] });
        // FLOW005 passes: secure inputs/outputs. Decoys: @parameters('ClientSecret'), GUID, placeholder.
        Solution(env, "Payroll export (Zürich)", "katrin.vogel", finance, [pp.OwnerServicePrincipal("finance-invoice")],
            [S("finance-invoice", AzureBlob, finance), S("finance-invoice", KeyVault, finance)],
            Shape(FlowTriggerShape.Scheduled, "payroll export", 22) with
            {
                ExtraSteps = [DemoPlants.KeyVaultGetSecretSecure("payroll-sftp-key"), DemoPlants.Decoys()], ExtraParameters = DemoPlants.ClientSecretParameter(),
            });
        // FLOW002 passes (group co-owner); FLOW001 fails (François's Outlook connection).
        var francois = pp.PersonSystemUser(env, "francois.lefevre");
        Solution(env, "Batch release notification", "francois.lefevre", francois,
            [OwnerUser(people["francois.lefevre"]), pp.OwnerGroup("Quality Assurance Team", "qa-team")],
            [S("pa-service-connection", Connectors.Dataverse, francois), U("francois.lefevre", Office365, francois)], Shape(FlowTriggerShape.DataverseRowAdded, "batch release"));
        // FLOW003: owned by Henrik Larsen, who was deleted. FLOW002 fails too.
        var henrik = pp.PersonSystemUser(env, "henrik.larsen");
        Solution(env, "Deviation CAPA escalation", "henrik.larsen", henrik, [OwnerUser(people["henrik.larsen"])],
            [S("pa-service-connection", Connectors.Dataverse, henrik)], Shape(FlowTriggerShape.DataverseRowAdded, "CAPA"));
        Solution(env, "Stability study monthly digest", "piotr.zielinski", service, [pp.OwnerServicePrincipal("pa-service-connection")],
            [S("pa-service-connection", Connectors.Dataverse, service), S("pa-service-connection", Sql, service)], Shape(FlowTriggerShape.Scheduled, "stability study", 3));
        // FLOW003 + FLOW001 through the connection: it signs in as Marek Nowak, who is disabled (the connection still shows Connected).
        Solution(env, "Customer complaint routing", "piotr.zielinski", finance, [pp.OwnerServicePrincipal("finance-invoice")],
            [S("finance-invoice", Connectors.Dataverse, finance), U("marek.nowak", Office365, finance)], Shape(FlowTriggerShape.DataverseRowAdded, "complaint"));
    }

    public void AddUat(EnvironmentSpec env)
    {
        var hr = pp.ApplicationUser(env, "hr-onboarding");
        var admin = pp.ApplicationUser(env, "pp-admin");
        var qa = pp.ApplicationUser(env, "qa-harness");
        var matthias = pp.PersonSystemUser(env, "matthias.koenig");
        var noah = pp.PersonSystemUser(env, "noah.fischer");
        var helene = pp.PersonSystemUser(env, "helene.garcon");
        FlowConnectionSpec U(string user, string api, SystemUserSpec owner) => pp.Reference(env, pp.UserConnection(env, user, api), owner.SystemUserId);
        FlowConnectionSpec S(string app, string api, SystemUserSpec owner, ConnectionError? error = null) =>
            pp.Reference(env, pp.ServicePrincipalConnection(env, app, api, "soren.baekgaard", error), owner.SystemUserId);
        BusinessFlowShape Shape(FlowTriggerShape trigger, string subject, int hour = 2) => new() { Trigger = trigger, Subject = subject, ScheduleHour = hour };

        // FLOW004: a storage connection string with its account key.
        Solution(env, "Lab sample upload to Blob", "matthias.koenig", matthias, [OwnerUser(people["matthias.koenig"])],
            [S("lab-results", AzureBlob, matthias)], Shape(FlowTriggerShape.Scheduled, "lab sample", 1) with { ExtraSteps = [plants.StorageConnectionStringCompose()] });
        plants.Record("FLOW004", "storage-connection-string", "Lab sample upload to Blob", env.DisplayName, "Compose_storage_connection.inputs", plants.StorageAccountKey, plants.StorageConnectionString);
        // FLOW002 passes (application user owns it); FLOW001 fails (Agnieszka's Outlook).
        Solution(env, "UAT – New hire onboarding", "agnieszka.brzezinska", hr, [OwnerUser(people["agnieszka.brzezinska"]), pp.OwnerServicePrincipal("hr-onboarding")],
            [S("hr-onboarding", Connectors.Dataverse, hr), U("agnieszka.brzezinska", Office365, hr)], Shape(FlowTriggerShape.DataverseRowAdded, "new hire"));
        Solution(env, "Test data refresh", "soren.baekgaard", admin, [pp.OwnerServicePrincipal("pp-admin")],
            [S("pp-admin", Connectors.Dataverse, admin)], Shape(FlowTriggerShape.Scheduled, "test data", 20));
        // FLOW007: the service-principal connection fails because the app's certificate expired.
        Solution(env, "Release smoke test", "noah.fischer", noah, [OwnerUser(people["noah.fischer"])],
            [S("qa-harness", Sql, qa, ExpiredCertificate)], Shape(FlowTriggerShape.Manual, "smoke test"));
        Solution(env, "Regulatory submission tracker sync", "helene.garcon", helene, [OwnerUser(people["helene.garcon"])],
            [S("hr-onboarding", Connectors.Dataverse, helene), U("helene.garcon", SharePoint, helene)],
            Shape(FlowTriggerShape.Scheduled, "submission tracker", 6) with { SiteUrl = "https://contosopharma.sharepoint.com/sites/Regulatory" });
    }

    public void AddLodz(EnvironmentSpec env)
    {
        FlowConnectionSpec U(string user, string api) => new(pp.UserConnection(env, user, api));
        Add(env, "Zmiana stanów magazynowych", "lukasz.wojcik", [OwnerUser(people["lukasz.wojcik"])], [U("lukasz.wojcik", Excel), U("lukasz.wojcik", Teams)],
            new BusinessFlowShape { Trigger = FlowTriggerShape.Scheduled, Subject = "stany magazynowe", ScheduleHour = 5 });
        Add(env, "Raport dzienny – Łódź", "tomasz.lewandowski", [OwnerUser(people["tomasz.lewandowski"]), OwnerUser(people["lukasz.wojcik"])],
            [U("tomasz.lewandowski", Office365)], new BusinessFlowShape { Trigger = FlowTriggerShape.Scheduled, Subject = "raport dzienny", ScheduleHour = 6 });
        Add(env, "Powiadomienia o dostawach", "tomasz.lewandowski", [OwnerUser(people["tomasz.lewandowski"]), pp.OwnerGroup("Łódź Operations Team", "lodz-operations")],
            [new FlowConnectionSpec(pp.ServicePrincipalConnection(env, "lodz-portal", Sql, "tomasz.lewandowski"))],
            new BusinessFlowShape { Trigger = FlowTriggerShape.Scheduled, Subject = "dostawy", ScheduleHour = 7 });
    }

    private void Add(EnvironmentSpec env, string name, string creator, IReadOnlyList<FlowOwnerSpec> owners, IReadOnlyList<FlowConnectionSpec> connections,
        BusinessFlowShape shape, string state = "Started") =>
        pp.AddFlow(env, name, creator, owners, connections, shape, state);

    private void Solution(EnvironmentSpec env, string name, string creator, SystemUserSpec owner, IReadOnlyList<FlowOwnerSpec> owners,
        IReadOnlyList<FlowConnectionSpec> connections, BusinessFlowShape shape)
    {
        var creatorUser = pp.PersonSystemUser(env, creator);
        pp.AddFlow(env, name, creator, owners, connections, shape, solution: pp.Solution(env, name, owner, creatorUser));
    }
}
