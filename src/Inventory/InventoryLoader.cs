using System.Text.Json;
using TenantScanner.Inventory.Building;
using TenantScanner.Snapshots;

namespace TenantScanner.Inventory;

/// <summary>A loaded snapshot: its manifest, the manifest's SHA-256 (reports cite it) and the inventory.</summary>
public sealed record LoadedSnapshot(SnapshotManifest Manifest, string ManifestSha256, TenantInventory Inventory);

/// <summary>
/// Turns a snapshot into a <see cref="TenantInventory"/>. Files are processed one at a time in manifest
/// order: read once into a pooled buffer, hashed, parsed, handed to the builders and released.
/// Any problem with the snapshot itself is a <see cref="SnapshotFormatException"/>.
/// </summary>
public static class InventoryLoader
{
    public static LoadedSnapshot Load(ISnapshotSource source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        SnapshotManifest manifest;
        string manifestSha256;
        using (var manifestFile = SnapshotFileReader.Read(source, SnapshotManifest.FileName, ct))
        {
            manifestSha256 = manifestFile.Sha256();
            manifest = ManifestReader.Parse(manifestFile.Bytes.Span);
        }
        var builder = new InventoryBuilder(manifest);
        for (var i = 0; i < manifest.Entries.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            LoadEntry(source, manifest.Entries[i], i, builder, ct);
        }
        return new LoadedSnapshot(manifest, manifestSha256, builder.Build());
    }

    private static void LoadEntry(ISnapshotSource source, ManifestEntry entry, int index, InventoryBuilder builder, CancellationToken ct)
    {
        using var file = SnapshotFileReader.Read(source, entry.File, ct);
        // Every listed file is verified, routed or not: the manifest vouches for all of them as evidence.
        file.VerifySha256(entry.Sha256, $"{SnapshotManifest.FileName} entries[{index}]");
        if (entry.Batch is { } batch)
        {
            if (IsSuccess(entry.Status))
                LoadBatch(file, entry, batch, builder);
            else
                FailAll(entry, batch, builder, ErrorText(file, entry.Status));
            return;
        }
        if (SourceRoutes.Match(entry.Url) is not { } route)
            return; // A URL the scanner does not know: kept as evidence, not read.
        if (!IsSuccess(entry.Status))
        {
            builder.Fail(route, entry.Url, entry.Status, ErrorText(file, entry.Status));
            return;
        }
        using var document = file.ParseJson();
        builder.Add(new ResponsePage(route, document.RootElement, entry.File, "", entry.Url));
    }

    /// <summary>Routes each sub-response of a Graph <c>$batch</c> by its own request URL.</summary>
    private static void LoadBatch(SnapshotFile file, ManifestEntry entry, IReadOnlyList<BatchRequestInfo> batch, InventoryBuilder builder)
    {
        using var document = file.ParseJson();
        // The envelope belongs to no source; the page only lends its file and URL to shape errors.
        var root = new ResponsePage(new SourceRoute(SourceKind.GraphOrganization, "$batch"), document.RootElement, entry.File, "", entry.Url).Root;
        if (root.Element.ValueKind != JsonValueKind.Object)
            throw root.ShapeError("", "a $batch response object");
        var requests = batch.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var response in root.Objects("responses", required: true))
        {
            var id = response.RequiredString("id");
            var status = (int)(response.Long("status") ?? throw response.ShapeError("status", "an HTTP status"));
            if (!requests.TryGetValue(id, out var request))
            {
                // A collector leaves throttled sub-requests out of the list: it sent them again in a later
                // batch, so they are not failures. Any other unlisted id is a malformed snapshot.
                if (IsTransient(status))
                    continue;
                throw new SnapshotFormatException(
                    $"{entry.File}: sub-response at JSON pointer {response.Pointer} has id '{id}', which the manifest entry's batch list does not name.", entry.File);
            }
            var url = AbsoluteSubRequestUrl(entry.Url, request.Url);
            if (SourceRoutes.Match(url) is not { } route)
                continue;
            if (!IsSuccess(status))
            {
                builder.Fail(route, url, status, ErrorText(response.Element, status));
                continue;
            }
            var body = response.TryGet("body", out var element) ? element : default;
            builder.Add(new ResponsePage(route, body, entry.File, response.Pointer + "/body", url));
        }
    }

    private static bool IsTransient(int status) => status is 429 or 503 or 504;

    private static void FailAll(ManifestEntry entry, IReadOnlyList<BatchRequestInfo> batch, InventoryBuilder builder, string error)
    {
        foreach (var request in batch)
        {
            var url = AbsoluteSubRequestUrl(entry.Url, request.Url);
            if (SourceRoutes.Match(url) is { } route)
                builder.Fail(route, url, entry.Status, error);
        }
    }

    /// <summary>Batch sub-requests are relative to the service root (<c>/users?$top=1</c> under <c>https://graph.microsoft.com/v1.0</c>).</summary>
    internal static string AbsoluteSubRequestUrl(string batchUrl, string subRequestUrl)
    {
        if (Uri.TryCreate(subRequestUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http")
            return subRequestUrl;
        var serviceRoot = batchUrl[..batchUrl.LastIndexOf("/$batch", StringComparison.OrdinalIgnoreCase)];
        return serviceRoot + "/" + subRequestUrl.TrimStart('/');
    }

    private static bool IsSuccess(int status) => status is >= 200 and < 300;

    /// <summary>The service's own error code and message when the body is a JSON error; never anything else from it.</summary>
    private static string ErrorText(SnapshotFile file, int status)
    {
        try
        {
            using var document = file.ParseJson();
            return ErrorText(document.RootElement, status);
        }
        catch (SnapshotFormatException)
        {
            return $"HTTP {status}"; // Error bodies need not be JSON (gateways answer with HTML).
        }
    }

    private static string ErrorText(JsonElement response, int status)
    {
        var error = response.ValueKind == JsonValueKind.Object && response.TryGetProperty("body", out var body) ? body : response;
        if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            var code = inner.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = inner.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var text = string.Join(": ", new[] { code, message }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (text.Length > 0)
                return $"HTTP {status} {(text.Length > 300 ? text[..300] + "…" : text)}";
        }
        return $"HTTP {status}";
    }
}
