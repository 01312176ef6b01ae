using System.Text;
using System.Text.RegularExpressions;
using TenantScanner.Rules.Conditions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using YamlDotNet.RepresentationModel;
using TenantScanner.Rules.Yaml;

namespace TenantScanner.Rules.Catalog;

/// <summary>
/// A finding message with placeholders: <c>{displayName}</c>, <c>{field:path}</c> (a field of the resource view,
/// secrets redacted) and <c>{parameter:name}</c>. Placeholders are checked when the rule loads.
/// </summary>
internal sealed partial class MessageTemplate
{
    private readonly IReadOnlyList<Func<EvaluationFrame, ResourceRef, string>> _parts;

    private MessageTemplate(string text, IReadOnlyList<Func<EvaluationFrame, ResourceRef, string>> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    public static MessageTemplate Compile(YamlFile file, YamlNode node, ConditionCompiler paths, IReadOnlyDictionary<string, object?> parameters)
    {
        var text = file.String(node, "'message'");
        var parts = new List<Func<EvaluationFrame, ResourceRef, string>>();
        var last = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            var literal = text[last..m.Index];
            parts.Add((_, _) => literal);
            last = m.Index + m.Length;
            var token = m.Groups[1].Value;
            if (token == "displayName")
                parts.Add((_, resource) => resource.DisplayName);
            else if (token.StartsWith("field:", StringComparison.Ordinal))
            {
                var path = paths.ParsePath(node, token["field:".Length..]);
                parts.Add((frame, _) => Render(path, frame));
            }
            else if (token.StartsWith("parameter:", StringComparison.Ordinal))
            {
                var name = token["parameter:".Length..];
                if (!parameters.TryGetValue(name, out var value))
                    throw file.Error(node, $"unknown parameter '{name}' in the message; this rule's parameters: {(parameters.Count == 0 ? "(none)" : string.Join(", ", parameters.Keys))}");
                var rendered = ValueComparer.Format(value);
                parts.Add((_, _) => rendered);
            }
            else
                throw file.Error(node, $"unknown placeholder '{{{token}}}' in the message; use {{displayName}}, {{field:path}} or {{parameter:name}}");
        }
        var tail = text[last..];
        parts.Add((_, _) => tail);
        return new MessageTemplate(text, parts);
    }

    public string Render(EvaluationFrame frame, ResourceRef resource)
    {
        var builder = new StringBuilder();
        foreach (var part in _parts)
            builder.Append(part(frame, resource));
        return builder.ToString();
    }

    /// <summary>A field's value as text; secret fields only ever as a redacted preview.</summary>
    public static string Render(FieldPath path, EvaluationFrame frame)
    {
        var value = path.IsMulti ? path.ResolveMany(frame) : path.ResolveSingle(frame);
        if (!path.IsSecret)
            return ValueComparer.Format(value);
        return value switch
        {
            string s => SecretRedaction.Preview(s),
            List<object?> list => string.Join(", ", list.Select(v => v is string s ? SecretRedaction.Preview(s) : ValueComparer.Format(v))),
            _ => ValueComparer.Format(value),
        };
    }
}
