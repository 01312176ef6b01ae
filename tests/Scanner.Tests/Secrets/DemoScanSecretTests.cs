using TenantScanner.Cli;
using System.Text;
using System.Text.Json;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Reports;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using UglyToad.PdfPig;

namespace TenantScanner.Cli.Tests.Secrets;

/// <summary>One in-process <c>scanner scan --demo</c> with every report format, shared by the tests below.</summary>
public sealed class DemoScanFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public DemoScanFixture()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        ExitCode = CommandCatalog.InvokeAsync(["scan", "--demo", "--out", _folder.Path], output, error).GetAwaiter().GetResult();
        Console = output + "\n" + error;
        Outputs = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileName(f), Read, StringComparer.Ordinal);
        Result = ScanResultFile.Load(Path.Combine(_folder.Path, "scan.json"), "scan.json");
        Planted = ReadPlanted();
    }

    public int ExitCode { get; }
    public string Console { get; }
    /// <summary>Every file the scan wrote, as text (PDFs as the text PdfPig extracts, JSON also with its strings unescaped).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }
    public ScanResult Result { get; }
    public IReadOnlyList<(string Rule, string Resource, string Location, string Value, string Literal)> Planted { get; }

    public void Dispose() => _folder.Dispose();

    private static string Read(string file)
    {
        if (file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            using var pdf = PdfDocument.Open(file);
            return string.Join("\n", pdf.GetPages().Select(p => p.Text));
        }
        var text = File.ReadAllText(file);
        if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase))
            return text;
        // JSON writers escape characters such as + as \u002B: compare the decoded strings too.
        using var document = JsonDocument.Parse(text);
        var strings = new StringBuilder(text);
        Collect(document.RootElement, strings);
        return strings.ToString();
    }

    private static void Collect(JsonElement element, StringBuilder into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, into);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, into);
                break;
            case JsonValueKind.String:
                into.Append('\n').Append(element.GetString());
                break;
        }
    }

    private static List<(string, string, string, string, string)> ReadPlanted()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scanner.sln")))
            dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Scanner.sln not found above the test binaries"),
            "samples", "demo-tenant-planted-secrets.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("secrets").EnumerateArray().Select(s => (
            s.GetProperty("rule").GetString()!, s.GetProperty("resource").GetString()!, s.GetProperty("location").GetString()!,
            s.GetProperty("value").GetString()!, s.GetProperty("literal").GetString()!)).ToList();
    }
}

/// <summary>
/// The demo plants fake secrets (samples/demo-tenant-planted-secrets.json). A scan must report every one of
/// them (by pointer, preview and fingerprint) and print none of them, whole or in part, anywhere.
/// </summary>
public sealed class DemoScanSecretTests(DemoScanFixture scan) : IClassFixture<DemoScanFixture>
{
    /// <summary>Previews show at most 4 characters; any 8 consecutive characters of a secret would be a leak.</summary>
    private const int Window = 8;

    [Fact]
    public void Demo_scan_writes_every_report_and_the_planted_list_is_not_empty()
    {
        Assert.Equal(ExitCodes.Success, scan.ExitCode);
        Assert.Superset(new HashSet<string> { "scan.json", "findings.csv", "accepted-risks.csv", "report.pdf" }, scan.Outputs.Keys.ToHashSet());
        Assert.True(scan.Planted.Count >= 8, $"expected at least 8 planted secrets, found {scan.Planted.Count}");
    }

    [Fact]
    public void No_report_or_console_output_contains_a_planted_secret_or_a_fragment_of_one()
    {
        var outputs = scan.Outputs.Append(new("console", scan.Console)).ToList();
        foreach (var planted in scan.Planted)
        {
            foreach (var form in Forms(planted.Value))
            {
                foreach (var (name, text) in outputs)
                {
                    for (var i = 0; i + Window <= form.Length; i++)
                        Assert.False(text.Contains(form.Substring(i, Window), StringComparison.Ordinal),
                            $"{name} contains characters {i}..{i + Window} of the {planted.Rule} secret planted in {planted.Resource}");
                }
            }
            foreach (var (name, text) in outputs)
                Assert.False(text.Contains(planted.Literal, StringComparison.Ordinal), $"{name} contains the literal planted in {planted.Resource}");
        }
    }

    [Fact]
    public void Every_planted_secret_is_reported_with_its_pointer_preview_and_fingerprint()
    {
        foreach (var planted in scan.Planted)
        {
            var findings = scan.Result.Findings.Where(f => f.RuleId == planted.Rule && f.Resource.DisplayName == planted.Resource).ToList();
            Assert.True(findings.Count > 0, $"{planted.Rule} reported nothing on {planted.Resource}");
            var fingerprint = SecretRedaction.Fingerprint(planted.Value);
            var preview = SecretRedaction.Preview(planted.Value);
            var finding = findings.SingleOrDefault(f => f.Message.Contains(fingerprint, StringComparison.Ordinal)
                || f.Evidence.Any(e => e.Value == fingerprint || (e.Description ?? "").Contains(fingerprint, StringComparison.Ordinal)));
            Assert.True(finding is not null, $"no {planted.Rule} finding on {planted.Resource} carries the fingerprint {fingerprint}");
            Assert.Contains(finding.Evidence, e => e.Redacted && (e.Value == preview || e.Value == fingerprint));
            var pointerTail = PointerTail(planted.Rule, planted.Location);
            Assert.True(finding.Evidence.Any(e => e.File is not null && (e.JsonPointer ?? "").EndsWith(pointerTail, StringComparison.Ordinal)),
                $"no evidence of the {planted.Rule} finding on {planted.Resource} points at …{pointerTail}");
        }
    }

    [Fact]
    public void Every_secret_rule_fails_and_passes_at_least_once_on_the_demo()
    {
        foreach (var id in new[] { "FLOW004", "FLOW005", "FLOW006", "CRED006", "CRED007" })
        {
            var rule = scan.Result.Rules.Single(r => r.Id == id);
            Assert.True(rule.Failed > 0 && rule.Passed > 0, $"{id}: {rule.Failed} failed, {rule.Passed} passed");
            Assert.Equal(0, rule.Inconclusive);
        }
    }

    /// <summary>The value, its URL-decoded form and, when printable, its base64-decoded form.</summary>
    private static IEnumerable<string> Forms(string value)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { value, Uri.UnescapeDataString(value) };
        foreach (var candidate in forms.ToList())
        {
            var buffer = new byte[candidate.Length];
            if (Convert.TryFromBase64String(candidate, buffer, out var written))
            {
                var decoded = Encoding.UTF8.GetString(buffer, 0, written);
                if (decoded.Length >= Window && decoded.All(c => !char.IsControl(c) && c != '\uFFFD'))
                    forms.Add(decoded);
            }
        }
        return forms.Where(f => f.Length >= Window);
    }

    /// <summary>
    /// Where the evidence pointer must end: <c>HTTP_Get_SAP_token.inputs.body</c> → <c>/HTTP_Get_SAP_token/inputs/body</c>
    /// for flows; the column (<c>/value</c>, <c>/defaultvalue</c>, <c>/notes</c>) for variables and applications.
    /// </summary>
    private static string PointerTail(string rule, string location)
    {
        var path = location.Split(' ')[0].Split('.');
        return rule.StartsWith("FLOW", StringComparison.Ordinal) ? "/" + string.Join('/', path) : "/" + path[^1];
    }
}
