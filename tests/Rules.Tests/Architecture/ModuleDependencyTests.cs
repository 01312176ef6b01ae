namespace TenantScanner.Tests.Architecture;

/// <summary>
/// Dependencies point one way: between the projects (snapshot → inventory → engine → CLI, the secret library
/// beside them) and between the namespaces of src/, so each concept has one home and no two halves of the code
/// need each other.
/// </summary>
public sealed class ModuleDependencyTests
{
    /// <summary>The projects of src/ and the projects of src/ each may reference. A new project needs a line here.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Snapshots"] = [],
        ["SecretScanning"] = [],
        // The loader redacts secrets from the free text services send (error messages) before it enters the inventory.
        ["Inventory"] = ["Snapshots", "SecretScanning"],
        ["Rules"] = ["Inventory", "SecretScanning", "Snapshots"],
        ["Scanner"] = ["Rules", "Inventory", "SecretScanning", "Snapshots"],
    };

    [Fact]
    public void Projects_in_src_reference_only_the_projects_below_them()
    {
        var wrong = new List<string>();
        foreach (var (project, references) in ProjectGraph.References.Where(p => ProjectGraph.IsUnder(p.Key, "src")))
        {
            if (!Allowed.TryGetValue(ProjectGraph.Name(project), out var allowed))
            {
                wrong.Add($"{project} is not in the table of ModuleDependencyTests: say which projects it may reference");
                continue;
            }
            foreach (var reference in references)
            {
                if (!ProjectGraph.IsUnder(reference, "src"))
                    wrong.Add($"{project} references {reference}: src/ must not depend on tests/ or bench/");
                else if (!allowed.Contains(ProjectGraph.Name(reference)))
                    wrong.Add($"{project} references {reference}; it may reference only: {(allowed.Length == 0 ? "nothing of ours" : string.Join(", ", allowed))}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Tests_never_reference_bench_projects()
    {
        var wrong = ProjectGraph.References
            .Where(p => ProjectGraph.IsUnder(p.Key, "tests"))
            .SelectMany(p => p.Value.Where(r => ProjectGraph.IsUnder(r, "bench")).Select(r => $"{p.Key} references {r}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_table_of_allowed_references_has_no_cycle()
    {
        // Each project may reference only projects listed before it: the table is a layering.
        var order = Allowed.Keys.ToList();
        foreach (var (project, allowed) in Allowed)
            Assert.All(allowed, a => Assert.True(order.IndexOf(a) >= 0 && order.IndexOf(a) < order.IndexOf(project), $"{project} → {a}"));
    }

    [Fact]
    public void No_namespaces_in_src_depend_on_each_other()
    {
        var cycles = NamespaceGraph.OfFolder("src").Cycles();
        Assert.True(cycles.Count == 0, "Namespaces that depend on each other (move the type to where it belongs):\n" + string.Join("\n\n", cycles.Select(Describe)));
    }

    /// <summary>
    /// The text check cannot see a use of an enclosing namespace's type (C# needs no using for it), so the engine
    /// keeps its types in leaf namespaces: TenantScanner.Rules itself declares none.
    /// </summary>
    [Fact]
    public void The_engine_declares_no_types_in_a_namespace_that_has_sub_namespaces()
    {
        var graph = NamespaceGraph.OfFolder("src/Rules");
        var namespaces = graph.Files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);
        var parents = namespaces.Where(ns => namespaces.Any(other => other.StartsWith(ns + ".", StringComparison.Ordinal)));
        var declared = parents.SelectMany(ns => graph.TypesDeclaredIn(ns).Select(t => $"{t.File}: {t.Type} in {ns}")).ToList();
        Assert.True(declared.Count == 0, string.Join("\n", declared));
    }

    [Fact]
    public void Finds_a_cycle_made_by_a_using_and_a_qualified_name()
    {
        var graph = NamespaceGraph.FromFiles(
        [
            new SourceFile("A/Views.cs", "TenantScanner.Rules.Views", "using TenantScanner.Rules.Detectors;\nclass V { }"),
            new SourceFile("A/Detectors.cs", "TenantScanner.Rules.Detectors", "class D { Views.V v; }"),
            new SourceFile("A/Catalog.cs", "TenantScanner.Rules.Catalog", "class C { TenantScanner.Rules.Views.V v; string s = \"TenantScanner.Rules.Scanning\"; }"),
            new SourceFile("A/Scanning.cs", "TenantScanner.Rules.Scanning", "using TenantScanner.Rules.Catalog; // TenantScanner.Rules.Views"),
        ]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["TenantScanner.Rules.Detectors → TenantScanner.Rules.Views", "TenantScanner.Rules.Views → TenantScanner.Rules.Detectors"],
            cycle.Select(e => $"{e.From} → {e.To}").Order(StringComparer.Ordinal));
    }

    private static string Describe(IReadOnlyList<NamespaceEdge> cycle) => string.Join("\n", cycle
        .GroupBy(e => (e.From, e.To))
        .Select(g => $"{g.Key.From} → {g.Key.To}: {string.Join("; ", g.Select(e => $"{e.File} ({e.Evidence})").Distinct().Take(3))}"));
}
