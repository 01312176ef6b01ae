namespace TenantScanner.Inventory.Building;

/// <summary>Collects Key Vault secret metadata. The list API never returns values and none are read.</summary>
internal sealed class KeyVaultPageReader
{
    private readonly List<KeyVaultSecretInfo> _secrets = [];
    private readonly HashSet<string> _ids = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<KeyVaultSecretInfo> Secrets => _secrets;

    public void Add(ResponsePage page)
    {
        foreach (var item in page.ListItems())
        {
            var id = item.RequiredString("id");
            if (!_ids.Add(id))
                continue;
            var attributes = item.Object("attributes");
            _secrets.Add(new KeyVaultSecretInfo
            {
                VaultHost = page.Route.Host,
                Name = NameOf(id),
                Id = id,
                Enabled = attributes?.Bool("enabled") ?? true,
                Created = attributes?.UnixSeconds("created"),
                Updated = attributes?.UnixSeconds("updated"),
                Expires = attributes?.UnixSeconds("exp"),
                NotBefore = attributes?.UnixSeconds("nbf"),
                ContentType = item.String("contentType"),
                Managed = item.Bool("managed") ?? false,
                Tags = ReadTags(item),
                Source = item.Location,
            });
        }
    }

    /// <summary><c>https://{vault}.vault.azure.net/secrets/{name}[/{version}]</c> → <c>{name}</c>.</summary>
    private static string NameOf(string id)
    {
        var path = Uri.TryCreate(id, UriKind.Absolute, out var uri) ? uri.AbsolutePath : id;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var secrets = Array.FindIndex(segments, s => s.Equals("secrets", StringComparison.OrdinalIgnoreCase));
        return secrets >= 0 && secrets + 1 < segments.Length ? Uri.UnescapeDataString(segments[secrets + 1]) : segments.LastOrDefault() ?? id;
    }

    private static Dictionary<string, string> ReadTags(JsonAt item)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.Object("tags") is not { } tagObject)
            return tags;
        foreach (var tag in tagObject.Element.EnumerateObject())
        {
            if (tag.Value.ValueKind != System.Text.Json.JsonValueKind.String)
                throw tagObject.ShapeError(tag.Name, "a string tag value");
            tags[tag.Name] = tag.Value.GetString()!;
        }
        return tags;
    }
}
