using System.Text.Json.Nodes;
using TenantScanner.Cli.Changes;
using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>The small parts of the change engine: the journal's reading rules, masking, identity, the write allow-list.</summary>
public sealed class ChangeEngineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_journal_line_cut_short_by_a_crash_is_ignored_but_a_damaged_line_before_the_end_is_an_error_naming_it()
    {
        var path = Path.Combine(_folder.Path, "journal.jsonl");
        using (var journal = JournalFile.OpenForAppend(path))
        {
            journal.Append(Entry(JournalResult.RunStarted));
            journal.Append(Entry(JournalResult.Applied) with { ActionId = "A001" });
        }
        File.AppendAllText(path, "{\"time\":\"2026-");

        var read = JournalFile.Read(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"result\":\"applied\"", "\"result\":", StringComparison.Ordinal) + "\n");
        var damaged = Assert.Throws<JournalFileException>(() => JournalFile.Read(path));

        Assert.Equal([JournalResult.RunStarted, JournalResult.Applied], read.Select(e => e.Result));
        Assert.Contains("line 2", damaged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_described_request_masks_every_property_named_like_a_secret()
    {
        var call = HttpCall.Post("https://graph.microsoft.com/v1.0/applications/1/addPassword",
            new JsonObject { ["passwordCredential"] = new JsonObject { ["displayName"] = "rotated", ["secretText"] = "abc8Q~s3cr3tvalue" }, ["keyId"] = "k1" });

        var text = call.Describe();

        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.Contains("\"secretText\":\"***\"", text, StringComparison.Ordinal);
        Assert.Contains("\"displayName\":\"rotated\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"oid":"o1","upn":"jane@contoso.com"}""", "user jane@contoso.com (object id o1)")]
    [InlineData("""{"oid":"o2","appid":"a2","app_displayname":"Remediator"}""", "application 'Remediator' (app id a2, object id o2)")]
    public void The_journal_names_the_principal_a_token_was_issued_to(string claims, string expected)
    {
        var payload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, SignedInIdentity.Describe($"eyJhbGciOiJub25lIn0.{payload}.sig"));
        Assert.StartsWith("unknown", SignedInIdentity.Describe("opaque-token"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "https://graph.microsoft.com/v1.0/users", "sends only changes")]
    [InlineData("POST", "https://api.bap.microsoft.com/providers/x", "no change action writes to api.bap.microsoft.com")]
    public async Task The_write_client_refuses_reads_and_hosts_no_action_writes_to(string method, string url, string message)
    {
        using var handler = new WriteAllowListHandler(new EndpointMap(new EndpointOptions())) { InnerHandler = new HttpClientHandler() };
        using var client = new HttpClient(handler);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    private static JournalEntry Entry(JournalResult result) => new()
    {
        Time = DateTimeOffset.UnixEpoch, Run = "r1", Command = "apply", PlanSeal = "sha256:00", Result = result, Identity = "user x",
    };
}
