using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>
/// The people of Contoso Pharma: ~40 users with Polish, German, French, Nordic, Japanese and
/// Spanish names, a disabled leaver, two deleted users (still in the recycle bin) and a guest.
/// </summary>
internal sealed class DemoPeople
{
    public const string Domain = "contosopharma.com";

    private readonly StableIds _ids;
    private readonly Dictionary<string, UserSpec> _byKey = new(StringComparer.Ordinal);

    public DemoPeople(StableIds ids)
    {
        _ids = ids;
        // key, given name, surname, display name override, job title, department, office
        Add("zoe.mueller", "Zoë", "Müller", "Finance Systems Lead", "Finance", "Basel");
        Add("taro.yamada", "太郎", "山田", "Supply Chain Analyst", "Supply Chain", "Tokyo", displayName: "山田太郎", upnLocal: "taro.yamada");
        Add("anna.kowalska", "Anna", "Kowalska", "Finance Controller", "Finance", "Łódź");
        Add("piotr.zielinski", "Piotr", "Zieliński", "SAP Integration Engineer", "IT Applications", "Łódź");
        Add("lukasz.wojcik", "Łukasz", "Wójcik", "Operations Manager", "Operations", "Łódź");
        Add("agnieszka.brzezinska", "Agnieszka", "Brzezińska", "HR Business Partner", "Human Resources", "Warsaw");
        Add("francois.lefevre", "François", "Lefèvre", "Quality Assurance Manager", "Quality", "Lyon");
        Add("helene.garcon", "Hélène", "Garçon", "Regulatory Affairs Specialist", "Regulatory", "Lyon");
        Add("jose.ramirez", "José", "Ramírez", "Sales Operations Analyst", "Sales", "Madrid");
        Add("maria.jose.nunez", "María José", "Núñez", "Marketing Automation Lead", "Marketing", "Madrid");
        Add("soren.baekgaard", "Søren", "Bækgaard", "Cloud Platform Engineer", "IT Infrastructure", "Copenhagen");
        Add("astrid.lindqvist", "Astrid", "Lindqvist", "Identity Administrator", "IT Security", "Stockholm");
        Add("jurgen.schafer", "Jürgen", "Schäfer", "Head of IT Applications", "IT Applications", "Basel");
        Add("katrin.vogel", "Katrin", "Vogel", "Payroll Specialist", "Human Resources", "Zürich");
        Add("matthias.koenig", "Matthias", "König", "Lab Systems Engineer", "R&D", "Basel");
        Add("ines.oliveira", "Inês", "Oliveira", "Clinical Data Manager", "Clinical", "Lisbon");
        Add("emma.thompson", "Emma", "Thompson", "Procurement Lead", "Procurement", "Cambridge");
        Add("oliver.bennett", "Oliver", "Bennett", "Power Platform CoE Lead", "IT Applications", "Cambridge");
        Add("priya.raman", "Priya", "Raman", "Data Engineer", "IT Applications", "Cambridge");
        Add("david.cohen", "David", "Cohen", "Security Architect", "IT Security", "Cambridge");
        Add("sakura.tanaka", "さくら", "田中", "Logistics Coordinator", "Supply Chain", "Tokyo", displayName: "田中さくら", upnLocal: "sakura.tanaka");
        Add("chen.wei", "Wei", "Chen", "Manufacturing Engineer", "Manufacturing", "Singapore");
        Add("aisha.khan", "Aisha", "Khan", "Pharmacovigilance Officer", "Safety", "London");
        Add("tomasz.lewandowski", "Tomasz", "Lewandowski", "Warehouse Supervisor", "Operations", "Łódź");
        Add("malgorzata.dabrowska", "Małgorzata", "Dąbrowska", "Accounts Payable Specialist", "Finance", "Łódź");
        Add("bjorn.nilsson", "Björn", "Nilsson", "Service Desk Analyst", "IT Service Desk", "Stockholm");
        Add("elodie.martin", "Élodie", "Martin", "Training Coordinator", "Human Resources", "Lyon");
        Add("giulia.romano", "Giulia", "Romano", "Brand Manager", "Marketing", "Milan");
        Add("lars.eriksen", "Lars", "Eriksen", "Finance Analyst", "Finance", "Copenhagen");
        Add("noah.fischer", "Noah", "Fischer", "Automation Developer", "IT Applications", "Basel");
        Add("hannah.weber", "Hannah", "Weber", "Compliance Officer", "Legal & Compliance", "Basel");
        Add("ahmed.hassan", "Ahmed", "Hassan", "Field Service Engineer", "Service", "Dubai");
        Add("svc.powerautomate", "Power Automate", "Service", "Shared automation mailbox (licensed)", "IT Applications", "Basel",
            displayName: "Power Automate Service Account");
        // A leaver whose account was disabled but not yet deleted (FLOW003, SP002).
        Add("marek.nowak", "Marek", "Nowak", "Former ERP Consultant", "IT Applications", "Łódź", enabled: false,
            leave: new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero));
        Add("ewa.mazur", "Ewa", "Mazur", "Former Sales Assistant", "Sales", "Warsaw", enabled: false,
            leave: new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero));
        // Guest from a partner.
        Add("r.silva_partner.example#EXT#", "Rafael", "Silva", null, null, null, displayName: "Rafael Silva (Partner)", guest: true);
        // People who left and were deleted; they still sit in deletedItems (FLOW003, SP002).
        Add("henrik.larsen", "Henrik", "Larsen", "Former Automation Developer", "IT Applications", "Copenhagen", enabled: true,
            leave: new DateTimeOffset(2026, 10, 10, 0, 0, 0, TimeSpan.Zero), deleted: new DateTimeOffset(2026, 10, 15, 8, 12, 40, TimeSpan.Zero));
        Add("claire.dubois", "Claire", "Dubois", "Former Procurement Analyst", "Procurement", "Lyon", enabled: true,
            leave: new DateTimeOffset(2026, 8, 31, 0, 0, 0, TimeSpan.Zero), deleted: new DateTimeOffset(2026, 9, 2, 16, 3, 5, TimeSpan.Zero));
    }

    public UserSpec this[string key] => _byKey[key];

    public IEnumerable<UserSpec> Active => _byKey.Values.Where(u => u.DeletedDateTime is null);

    public IEnumerable<UserSpec> Deleted => _byKey.Values.Where(u => u.DeletedDateTime is not null);

    private void Add(string key, string given, string surname, string? title, string? department, string? office,
        string? displayName = null, string? upnLocal = null, bool enabled = true, DateTimeOffset? leave = null,
        DateTimeOffset? deleted = null, bool guest = false)
    {
        var id = _ids.Guid($"user:{key}");
        var local = upnLocal ?? key;
        // A deleted user's UPN is prefixed with its object id (without dashes), as Entra does.
        var upn = guest ? $"{local}@contosopharma.onmicrosoft.com"
            : deleted is not null ? $"{id.Replace("-", "", StringComparison.Ordinal)}{local}@{Domain}" : $"{local}@{Domain}";
        _byKey[key] = new UserSpec
        {
            Id = id,
            DisplayName = displayName ?? $"{given} {surname}",
            GivenName = given,
            Surname = surname,
            UserPrincipalName = upn,
            OriginalUserPrincipalName = deleted is null ? null : $"{local}@{Domain}",
            Mail = guest ? "r.silva@partner.example" : $"{local}@{Domain}",
            JobTitle = title,
            Department = department,
            OfficeLocation = office,
            AccountEnabled = enabled,
            UserType = guest ? "Guest" : "Member",
            CreatedDateTime = new DateTimeOffset(2019, 3, 4, 9, 0, 0, TimeSpan.Zero).AddDays(_ids.Int($"created:{key}", 2200)),
            EmployeeLeaveDateTime = leave,
            DeletedDateTime = deleted,
            PreferredLanguage = office switch { "Łódź" or "Warsaw" => "pl-PL", "Basel" or "Zürich" => "de-CH", "Lyon" => "fr-FR", "Tokyo" => "ja-JP", "Madrid" => "es-ES", _ => "en-GB" },
        };
    }
}
