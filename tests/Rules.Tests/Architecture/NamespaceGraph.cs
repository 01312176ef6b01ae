using System.Text.RegularExpressions;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.Architecture;

/// <summary>One source file: its namespace and its text (in a graph: without comments and string literals).</summary>
internal sealed record SourceFile(string Path, string Namespace, string Code);

/// <summary>A dependency of one namespace on another, with the file and the text that makes it.</summary>
internal sealed record NamespaceEdge(string From, string To, string File, string Evidence);

/// <summary>
/// Which namespace of ours depends on which, read from the source text: <c>using TenantScanner.X;</c> lines (plain,
/// static and alias), fully qualified names (<c>TenantScanner.X.Y</c>) and names qualified relative to an
/// enclosing namespace (<c>Detectors.IDetector</c> inside <c>TenantScanner.Rules.Catalog</c>). C# needs no using
/// for the types of an enclosing namespace, so such uses are not seen: a namespace that has sub-namespaces should
/// declare no types of its own (<see cref="TypesDeclaredIn"/>).
/// </summary>
internal sealed partial class NamespaceGraph
{
    private NamespaceGraph(IReadOnlyList<SourceFile> files, IReadOnlyList<NamespaceEdge> edges)
    {
        Files = files;
        Edges = edges;
    }

    public IReadOnlyList<SourceFile> Files { get; }
    public IReadOnlyList<NamespaceEdge> Edges { get; }

    /// <summary>Every .cs file under <paramref name="folder"/> (relative to the repository root), bin and obj left out.</summary>
    public static NamespaceGraph OfFolder(string folder)
    {
        var root = RepositoryFiles.Root;
        var files = new List<SourceFile>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj"))
                continue;
            var text = File.ReadAllText(path);
            if (NamespaceDeclaration().Match(text) is { Success: true } declaration)
                files.Add(new SourceFile(relative, declaration.Groups[1].Value, text));
        }
        return FromFiles(files);
    }

    /// <summary>The graph of the given files (tests build small ones to check the check).</summary>
    public static NamespaceGraph FromFiles(IReadOnlyList<SourceFile> sources)
    {
        var files = sources.Select(f => f with { Code = WithoutCommentsAndStrings(f.Code) }).ToList();
        var known = files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);
        var edges = new List<NamespaceEdge>();
        foreach (var file in files)
        {
            void Add(string target, string evidence)
            {
                if (target != file.Namespace)
                    edges.Add(new NamespaceEdge(file.Namespace, target, file.Path, evidence));
            }
            foreach (Match match in UsingDirective().Matches(file.Code))
            {
                if (Longest(match.Groups[1].Value, known) is { } target)
                    Add(target, match.Value.Trim());
            }
            foreach (Match match in QualifiedName().Matches(file.Code))
            {
                if (match.Groups[1].Value.StartsWith("TenantScanner.", StringComparison.Ordinal))
                {
                    if (Longest(match.Groups[1].Value, known) is { } target)
                        Add(target, match.Value);
                    continue;
                }
                // Relative to an enclosing namespace, innermost first, as the compiler resolves it.
                var first = match.Groups[1].Value.Split('.')[0];
                foreach (var enclosing in Enclosing(file.Namespace))
                {
                    if (known.Contains($"{enclosing}.{first}"))
                    {
                        Add(Longest($"{enclosing}.{match.Groups[1].Value}", known)!, match.Value);
                        break;
                    }
                }
            }
        }
        return new NamespaceGraph(files, edges);
    }

    /// <summary>The sets of namespaces that depend on each other, each with the edges between its members.</summary>
    public IReadOnlyList<IReadOnlyList<NamespaceEdge>> Cycles()
    {
        var targets = Edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().ToList());
        var components = StronglyConnected(Files.Select(f => f.Namespace).Distinct().Order(StringComparer.Ordinal), targets);
        return components.Where(c => c.Count > 1)
            .Select(c => (IReadOnlyList<NamespaceEdge>)Edges.Where(e => c.Contains(e.From) && c.Contains(e.To))
                .DistinctBy(e => (e.From, e.To, e.File)).ToList())
            .ToList();
    }

    /// <summary>The top-level types each file of <paramref name="ns"/> declares (file-scoped namespaces: at brace depth 0).</summary>
    public IEnumerable<(string File, string Type)> TypesDeclaredIn(string ns)
    {
        foreach (var file in Files.Where(f => f.Namespace == ns))
        {
            var depth = 0;
            foreach (Match token in BraceOrDeclaration().Matches(file.Code))
            {
                if (token.Value == "{")
                    depth++;
                else if (token.Value == "}")
                    depth--;
                else if (depth == 0)
                    yield return (file.Path, token.Groups[1].Value);
            }
        }
    }

    private static IEnumerable<string> Enclosing(string ns)
    {
        for (var end = ns.Length; end > 0; end = ns.LastIndexOf('.', end - 1))
            yield return ns[..end];
    }

    /// <summary>The longest known namespace that <paramref name="name"/> starts with (a name may end in a type and members).</summary>
    private static string? Longest(string name, HashSet<string> known)
    {
        for (var end = name.Length; end > 0; end = name.LastIndexOf('.', end - 1))
        {
            if (known.Contains(name[..end]))
                return name[..end];
        }
        return null;
    }

    /// <summary>Tarjan's algorithm: namespaces that reach each other.</summary>
    private static List<HashSet<string>> StronglyConnected(IEnumerable<string> nodes, Dictionary<string, List<string>> targets)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in targets.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                    low[node] = Math.Min(low[node], nextIndex);
            }
            if (low[node] != index[node])
                return;
            var component = new HashSet<string>(StringComparer.Ordinal);
            string member;
            do
            {
                member = stack.Pop();
                component.Add(member);
            } while (member != node);
            components.Add(component);
        }
        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node))
                Visit(node);
        }
        return components;
    }

    private static string WithoutCommentsAndStrings(string text) => CommentOrString().Replace(text, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    /// <summary><c>using X.Y;</c>, <c>using static X.Y.Z;</c>, <c>using Alias = X.Y.Z;</c> (not using statements).</summary>
    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(TenantScanner(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    /// <summary>A dotted name not preceded by a dot or a word character: <c>TenantScanner.Rules.X</c>, <c>Detectors.IDetector</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*(?:\.[A-Z]\w*)+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"[{}]|\b(?:class|record|struct|interface|enum)\s+(?!class\b|struct\b)(\w+)")]
    private static partial Regex BraceOrDeclaration();

    /// <summary>Comments, then raw, verbatim, interpolated and plain strings and character literals (roughly, which is enough here).</summary>
    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|\$*"{3,}.*?"{3,}|(?:\$*@|@\$*)"(?:[^"]|"")*"|\$*"(?:\\.|[^"\\\n])*"|'(?:\\[^'\n]+|[^'\\\n])'""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();
}
