namespace TenantScanner.Rules.Values;

/// <summary>Three-valued (Kleene) logic: missing data must never turn into a pass.</summary>
internal enum Tri : byte { False, True, Unknown }

internal static class TriLogic
{
    public static Tri From(bool value) => value ? Tri.True : Tri.False;

    public static Tri Not(Tri value) => value switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };
}
