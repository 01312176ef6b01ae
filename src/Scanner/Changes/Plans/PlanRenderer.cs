using System.Text;

namespace TenantScanner.Cli.Changes.Plans;

/// <summary>
/// Renders a plan for review: <c>text</c> for the terminal, <c>md</c> as a change-request document (what changes,
/// why, the risk, the permission, how to undo, and the manual to-do list).
/// </summary>
public static class PlanRenderer
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "md"];

    public static string Render(ChangePlan plan, string format) => format == "md" ? Markdown(plan) : Text(plan);

    private static string Text(ChangePlan plan)
    {
        var text = new StringBuilder();
        text.AppendLine($"Plan for tenant {plan.Tenant.DisplayName ?? plan.Tenant.Id} ({plan.Tenant.Id}), made {plan.CreatedAt:yyyy-MM-dd HH:mm} UTC by {plan.Tool.Name} {plan.Tool.Version}");
        text.AppendLine($"From scan.json sha256:{plan.Source.ScanSha256} (snapshot sha256:{plan.Source.SnapshotSha256}); seal {plan.Seal}");
        text.AppendLine($"{plan.Actions.Count(a => !a.IsManual)} automated change(s), {plan.Actions.Count(a => a.IsManual)} manual action(s).");
        foreach (var action in plan.Actions)
        {
            text.AppendLine();
            text.AppendLine($"{action.Id} [{action.Action}] {action.Operation}");
            text.AppendLine($"   target: {action.Target.Type} {action.Target.DisplayName} ({action.Target.Id}){Environment(action.Target)}");
            text.AppendLine($"   resolves: {string.Join(", ", action.Resolves.Select(r => $"{r.RuleId} {r.Fingerprint}"))}");
            if (action.ChosenBy is not null)
                text.AppendLine($"   chosen by: {action.ChosenBy}");
            if (action.IsManual)
            {
                text.AppendLine($"   why by hand: {action.Reason}");
                foreach (var step in action.Steps)
                    text.AppendLine($"   - {step}");
                continue;
            }
            text.AppendLine($"   before: {action.Before?.ToJsonString() ?? "(absent)"}");
            text.AppendLine($"   after:  {action.After?.ToJsonString() ?? "(absent)"}");
            text.AppendLine($"   permission: {action.Permission}");
            text.AppendLine($"   {(action.Reversible ? "reversible with scanner undo" : "NOT reversible")}; risk: {action.Risk}");
            foreach (var call in ChangeActions.Find(action.Action)?.Describe(action) ?? [])
                text.AppendLine($"   sends: {call.Describe()}");
        }
        return text.ToString();
    }

    private static string Markdown(ChangePlan plan)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Change request: remediation of tenant {Escape(plan.Tenant.DisplayName ?? plan.Tenant.Id)}");
        md.AppendLine();
        md.AppendLine($"* Tenant: {Escape(plan.Tenant.DisplayName ?? "")} `{plan.Tenant.Id}`");
        md.AppendLine($"* Plan made {plan.CreatedAt:yyyy-MM-dd HH:mm} UTC by {plan.Tool.Name} {plan.Tool.Version}; seal `{plan.Seal}`");
        md.AppendLine($"* Evidence: scan.json `sha256:{plan.Source.ScanSha256}`, snapshot `sha256:{plan.Source.SnapshotSha256}`");
        md.AppendLine($"* {plan.Actions.Count(a => !a.IsManual)} automated change(s), {plan.Actions.Count(a => a.IsManual)} manual action(s)");
        md.AppendLine();
        md.AppendLine("## Automated changes");
        md.AppendLine();
        md.AppendLine("| id | change | target | permission needed | undo | risk |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var action in plan.Actions.Where(a => !a.IsManual))
            md.AppendLine($"| {action.Id} | {Escape(action.Operation)} | {Escape(action.Target.Type)} `{action.Target.Id}` | {Escape(action.Permission)} | {(action.Reversible ? "yes" : "**no**")} | {Escape(action.Risk)} |");
        md.AppendLine();
        foreach (var action in plan.Actions.Where(a => !a.IsManual))
        {
            md.AppendLine($"### {action.Id}: {Escape(action.Operation)}");
            md.AppendLine();
            md.AppendLine($"* Resolves: {string.Join(", ", action.Resolves.Select(r => $"{r.RuleId} `{r.Fingerprint}`"))}");
            if (action.ChosenBy is not null)
                md.AppendLine($"* Chosen by: {Escape(action.ChosenBy)}");
            md.AppendLine($"* Before: `{action.Before?.ToJsonString() ?? "(absent)"}`");
            md.AppendLine($"* After: `{action.After?.ToJsonString() ?? "(absent)"}`");
            foreach (var call in ChangeActions.Find(action.Action)?.Describe(action) ?? [])
                md.AppendLine($"* Sends: `{call.Describe()}`");
            md.AppendLine();
        }
        md.AppendLine("## Manual actions");
        md.AppendLine();
        foreach (var action in plan.Actions.Where(a => a.IsManual))
        {
            md.AppendLine($"### {action.Id}: {Escape(action.Operation)}");
            md.AppendLine();
            md.AppendLine($"* Target: {Escape(action.Target.Type)} {Escape(action.Target.DisplayName)} `{action.Target.Id}`{Environment(action.Target)}");
            md.AppendLine($"* Resolves: {string.Join(", ", action.Resolves.Select(r => $"{r.RuleId} `{r.Fingerprint}`"))}");
            md.AppendLine($"* Why by hand: {Escape(action.Reason ?? "")}");
            if (action.ChosenBy is not null)
                md.AppendLine($"* Chosen by: {Escape(action.ChosenBy)}");
            foreach (var step in action.Steps)
                md.AppendLine($"* Step: {Escape(step)}");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string Environment(ChangeTarget target) => target.EnvironmentName is null ? "" : $" in {target.EnvironmentName}";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
