using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>Secret metadata of kv-contoso-automation (values are never listed by Key Vault, and never written here).</summary>
internal static class DemoKeyVault
{
    private static DateTimeOffset D(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) => tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    public static IReadOnlyList<KeyVaultSecretSpec> Secrets { get; } =
    [
        new() { Name = "sap-client-secret", Created = D(2026, 5, 28), Updated = D(2026, 5, 28), Expires = D(2027, 5, 31), ContentType = "text/plain",
            Tags = Tags(("owner", "piotr.zielinski@contosopharma.com"), ("usedBy", "Vendor portal sync")) },
        new() { Name = "sap-service-password", Created = D(2026, 6, 10), Updated = D(2026, 6, 10), Expires = D(2026, 12, 10), ContentType = "text/plain",
            Tags = Tags(("owner", "piotr.zielinski@contosopharma.com")) },
        new() { Name = "lab-api-key", Created = D(2025, 10, 31), Updated = D(2025, 10, 31), Expires = D(2026, 10, 31), ContentType = "text/plain",
            Tags = Tags(("owner", "matthias.koenig@contosopharma.com"), ("environment", "UAT")) },
        new() { Name = "payroll-sftp-key", Created = D(2026, 8, 1), Updated = D(2026, 8, 1), Expires = D(2027, 8, 1), NotBefore = D(2026, 8, 1),
            ContentType = "application/x-pem-file", Tags = Tags(("owner", "katrin.vogel@contosopharma.com"), ("BusinessOwner", "HR Zürich")) },
        new() { Name = "legacy-ftp-password", Created = D(2021, 2, 3), Updated = D(2021, 2, 3) },
        new() { Name = "hr-onboarding-webhook-key", Enabled = false, Created = D(2025, 3, 14), Updated = D(2026, 1, 9), ContentType = "text/plain" },
        new() { Name = "finance-invoice-automation", Created = D(2026, 8, 1), Updated = D(2026, 8, 1), Expires = D(2027, 2, 1), NotBefore = D(2026, 8, 1),
            ContentType = "application/x-pkcs12", Managed = true, Tags = Tags(("BusinessOwner", "Finance (Zoë Müller)")) },
    ];
}
