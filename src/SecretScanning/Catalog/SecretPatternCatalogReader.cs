using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TenantScanner.SecretScanning.Catalog;

/// <summary>Parses <c>secret-patterns.yaml</c>, reporting every problem with file:line:column.</summary>
internal static class SecretPatternCatalogReader
{
    /// <summary>
    /// Bounds a user pattern that backtracks catastrophically. It is wall-clock time, so it must be far above
    /// what a healthy pattern needs even on a loaded machine: at 250 ms a built-in PEM pattern timed out
    /// (and silently missed a key) on a 2-core CI runner with a load average of 20.
    /// </summary>
    /// <summary>How long one detector's regex may run on one value before the value is reported as not judged.</summary>
    internal static readonly TimeSpan DefaultRegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly HashSet<string> PatternFields =
    [
        "id", "secretType", "description", "keywords", "keywordsIgnoreCase", "alsoRequires", "contextKeys", "regex",
        "minEntropy", "minLength", "validate", "confidence", "distinctive",
    ];

    public static (IReadOnlyList<SecretPattern> Patterns, NotSecretRules NotSecret) Read(string yaml, string source, TimeSpan regexTimeout)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new SecretCatalogException(source, e.Start.Line, e.Start.Column, "not valid YAML: " + e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, without a position, on some broken input (found by bench/Fuzz).
            throw new SecretCatalogException(source, 1, 1, "not valid YAML: the parser could not read it (look for an unclosed bracket, brace or quote)");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SecretCatalogException(source, 1, 1, "expected a mapping with 'version' and 'patterns'");

        var version = Scalar(root, "version", source, required: true);
        if (version != "1")
            throw Error(source, root.Children[new YamlScalarNode("version")], $"unsupported version '{version}' (expected 1)");

        var notSecret = root.Children.TryGetValue(new YamlScalarNode("notSecret"), out var n)
            ? ReadNotSecret(n, source)
            : new NotSecretRules();

        if (!root.Children.TryGetValue(new YamlScalarNode("patterns"), out var patternsNode) || patternsNode is not YamlSequenceNode sequence)
            throw new SecretCatalogException(source, root.Start.Line, root.Start.Column, "missing 'patterns' list");

        var patterns = new List<SecretPattern>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode mapping)
                throw Error(source, item, "each pattern must be a mapping");
            var pattern = ReadPattern(mapping, source, regexTimeout);
            if (!ids.Add(pattern.Id))
                throw Error(source, mapping, $"duplicate pattern id '{pattern.Id}'");
            patterns.Add(pattern);
        }
        if (patterns.Count == 0)
            throw Error(source, sequence, "'patterns' is empty");
        return (patterns, notSecret);
    }

    private static SecretPattern ReadPattern(YamlMappingNode node, string source, TimeSpan regexTimeout)
    {
        foreach (var key in node.Children.Keys)
        {
            // A complex key ("? {a: b}") is valid YAML but no field name (found by bench/Fuzz).
            if (key is not YamlScalarNode scalar)
                throw Error(source, key, $"a field name must be plain text (expected one of: {string.Join(", ", PatternFields)})");
            var name = scalar.Value ?? "";
            if (!PatternFields.Contains(name))
                throw Error(source, key, $"unknown field '{name}' (expected one of: {string.Join(", ", PatternFields)})");
        }
        var id = Scalar(node, "id", source, required: true)!;
        var keywords = List(node, "keywords", source);
        var contextKeys = List(node, "contextKeys", source).Select(SecretKeyNames.NormalizeQualified).ToList();
        if (keywords.Count == 0 && contextKeys.Count == 0)
            throw Error(source, node, $"pattern '{id}' needs 'keywords' or 'contextKeys': without them it would run on every string");

        var regexText = Scalar(node, "regex", source, required: false);
        Regex? regex = null;
        if (regexText is not null)
        {
            try
            {
                regex = new CatalogRegex(regexText, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, regexTimeout);
            }
            catch (ArgumentException e)
            {
                throw Error(source, node.Children[new YamlScalarNode("regex")], $"pattern '{id}': invalid regex: {e.Message}");
            }
        }

        var confidence = Scalar(node, "confidence", source, required: true)!;
        if (confidence is not ("high" or "medium" or "low"))
            throw Error(source, node.Children[new YamlScalarNode("confidence")], $"pattern '{id}': confidence must be high, medium or low, not '{confidence}'");

        return new SecretPattern
        {
            Id = id,
            SecretType = Scalar(node, "secretType", source, required: true)!,
            Description = Scalar(node, "description", source, required: false) ?? "",
            Keywords = keywords,
            KeywordsIgnoreCase = Bool(node, "keywordsIgnoreCase", source),
            AlsoRequires = List(node, "alsoRequires", source),
            ContextKeys = contextKeys,
            Regex = regex,
            MinEntropy = Number(node, "minEntropy", source, 0, 8),
            MinLength = (int)Number(node, "minLength", source, 1, 100_000, defaultValue: 1),
            Validation = Validation(node, source),
            Confidence = confidence,
            Distinctive = Bool(node, "distinctive", source),
        };
    }

    private static NotSecretRules ReadNotSecret(YamlNode node, string source)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(source, node, "'notSecret' must be a mapping");
        return new NotSecretRules
        {
            Keys = List(mapping, "keys", source).Select(k => SecretKeyNames.Normalize(k)).ToHashSet(StringComparer.Ordinal),
            Placeholders = List(mapping, "placeholders", source),
            KnownExamples = List(mapping, "knownExamples", source).ToHashSet(StringComparer.Ordinal),
            Base64FilePrefixes = List(mapping, "base64FilePrefixes", source),
        };
    }

    private static SecretValidation Validation(YamlMappingNode node, string source)
    {
        var text = Scalar(node, "validate", source, required: false);
        return text switch
        {
            null => SecretValidation.None,
            "basic-auth" => SecretValidation.BasicAuth,
            "jwt" => SecretValidation.Jwt,
            "base64-64-bytes" => SecretValidation.Base64Of64Bytes,
            _ => throw Error(source, node.Children[new YamlScalarNode("validate")], $"unknown validator '{text}' (expected basic-auth, jwt or base64-64-bytes)"),
        };
    }

    private static string? Scalar(YamlMappingNode node, string key, string source, bool required)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            return required ? throw Error(source, node, $"missing required field '{key}'") : null;
        if (value is not YamlScalarNode scalar || string.IsNullOrEmpty(scalar.Value))
            throw Error(source, value, $"'{key}' must be a non-empty text value");
        return scalar.Value;
    }

    private static List<string> List(YamlMappingNode node, string key, string source)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            return [];
        if (value is not YamlSequenceNode sequence)
            throw Error(source, value, $"'{key}' must be a list");
        return sequence.Select(item => item is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw Error(source, item, $"'{key}' entries must be non-empty text")).ToList();
    }

    private static bool Bool(YamlMappingNode node, string key, string source) =>
        Scalar(node, key, source, required: false) switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw Error(source, node.Children[new YamlScalarNode(key)], $"'{key}' must be true or false, not '{other}'"),
        };

    private static double Number(YamlMappingNode node, string key, string source, double min, double max, double defaultValue = 0)
    {
        var text = Scalar(node, key, source, required: false);
        if (text is null)
            return defaultValue;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Error(source, node.Children[new YamlScalarNode(key)], $"'{key}' must be a number from {min} to {max}, not '{text}'");
        return value;
    }

    private static SecretCatalogException Error(string source, YamlNode node, string problem) =>
        new(source, node.Start.Line, node.Start.Column, problem);
}
