using TenantScanner.SecretScanning;

namespace TenantScanner.Rules.Findings;

/// <summary>
/// Runs secret detection over the free text of a scan result before any report sees it: display names (anyone
/// who can make a flow chooses one), messages that quote them, JSON pointers (their keys come from documents),
/// evidence values not already redacted, coverage text and inconclusive reasons (which quote service errors).
/// Every report renders the result, so one pass here covers console, JSON, CSV and PDF alike.
/// </summary>
/// <remarks>Ids, URLs, file names and the user's own rule and suppression text are left as they are.</remarks>
public static class ResultRedaction
{
    public static ScanResult Apply(ScanResult result, TextRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(redactor);
        return result with
        {
            Tenant = result.Tenant with { DisplayName = redactor.RedactOptional(result.Tenant.DisplayName) },
            Scope = result.Scope with
            {
                Environments = Map(result.Scope.Environments, e => redactor.Redact(e.DisplayName) is var name && !Same(name, e.DisplayName) ? e with { DisplayName = name } : e),
            },
            Coverage = Map(result.Coverage, c => redactor.Redact(c.Error) is var error && !Same(error, c.Error) ? c with { Error = error } : c),
            Findings = Map(result.Findings, f => Finding(f, redactor)),
            Inconclusive = Map(result.Inconclusive, i => Inconclusive(i, redactor)),
        };
    }

    private static Finding Finding(Finding finding, TextRedactor redactor)
    {
        var resource = Resource(finding.Resource, redactor);
        var message = redactor.Redact(finding.Message);
        var evidence = Map(finding.Evidence, e => Evidence(e, redactor));
        return ReferenceEquals(resource, finding.Resource) && Same(message, finding.Message) && ReferenceEquals(evidence, finding.Evidence)
            ? finding
            : finding with { Resource = resource, Message = message, Evidence = evidence };
    }

    private static InconclusiveResult Inconclusive(InconclusiveResult result, TextRedactor redactor)
    {
        var resource = Resource(result.Resource, redactor);
        var reason = redactor.Redact(result.Reason);
        return ReferenceEquals(resource, result.Resource) && Same(reason, result.Reason) ? result : result with { Resource = resource, Reason = reason };
    }

    private static ResourceRef Resource(ResourceRef resource, TextRedactor redactor)
    {
        var name = redactor.Redact(resource.DisplayName);
        var environment = redactor.RedactOptional(resource.EnvironmentName);
        var owner = redactor.RedactOptional(resource.Owner);
        return Same(name, resource.DisplayName) && Same(environment, resource.EnvironmentName) && Same(owner, resource.Owner)
            ? resource
            : resource with { DisplayName = name, EnvironmentName = environment, Owner = owner };
    }

    private static Evidence Evidence(Evidence evidence, TextRedactor redactor)
    {
        var pointer = redactor.RedactOptional(evidence.JsonPointer);
        var description = redactor.RedactOptional(evidence.Description);
        // A redacted value is a preview and fingerprint already.
        var value = evidence.Redacted ? evidence.Value : redactor.RedactOptional(evidence.Value);
        return Same(pointer, evidence.JsonPointer) && Same(description, evidence.Description) && Same(value, evidence.Value)
            ? evidence
            : evidence with { JsonPointer = pointer, Description = description, Value = value };
    }

    /// <summary>The redactor hands back the same instance when it changed nothing: most results need no new objects.</summary>
    private static bool Same(string? redacted, string? original) => ReferenceEquals(redacted, original);

    /// <summary>The same list when no item changed; null items (a hand-edited saved result) are left for its validation.</summary>
    private static IReadOnlyList<T> Map<T>(IReadOnlyList<T> items, Func<T, T> redact) where T : class
    {
        List<T>? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var redacted = item is null ? item! : redact(item);
            if (changed is null && ReferenceEquals(redacted, item))
                continue;
            changed ??= [.. items.Take(i)];
            changed.Add(redacted);
        }
        return changed ?? items;
    }
}
