namespace TenantScanner.Rules.Values;

/// <summary>How enum values appear in fields: camelCase ids (<c>ServicePrincipal</c> → <c>servicePrincipal</c>).</summary>
internal static class FieldNames
{
    public static string EnumId(Enum value)
    {
        var name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
