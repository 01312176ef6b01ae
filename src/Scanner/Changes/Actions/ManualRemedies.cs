namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// Why each shipped rule without an automated action is fixed by hand, in plain words for the change request.
/// The steps themselves come from the rule's remediation text (rules.yaml), which every finding carries.
/// </summary>
public static class ManualRemedies
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["FLOW001"] = "Moving a flow off a person's connection means creating a connection that signs in as a service principal and re-binding the flow to it. "
            + "Connectors such as SharePoint and Office 365 Outlook have no service-principal sign-in: for them a licensed service account is the fix. "
            + "The scanner does not automate this yet.",
        ["FLOW002"] = "Adding a co-owner to a flow goes through the Power Automate admin API (non-solution flows) or Dataverse (solution flows); the scanner does not automate it yet.",
        ["FLOW003"] = "The disabled or deleted account must be replaced as owner and its connections re-created by someone who can sign in to them; the scanner does not automate this yet.",
        ["FLOW004"] = "The secret must be rotated at its source (it is already in run history and exports) and the new value put in Key Vault; "
            + "the scanner never reads or stores secret values, so it cannot move the value for you yet.",
        ["FLOW005"] = "Turning on secure inputs and outputs rewrites the flow definition; the scanner does not automate it yet.",
        ["FLOW006"] = "Restricting an HTTP trigger breaks every caller that does not send the new credential: only the flow's owner can decide and tell the callers.",
        ["FLOW007"] = "A connection in error needs its owner to sign in again, or to be re-created with a service principal.",
        ["SP004"] = "The business owner is a fact only your organisation knows: record it as a tag or in the notes.",
        ["CRED002"] = "Rotating a credential means delivering a new one to the workload (for example through Key Vault) before the old one is removed; "
            + "the scanner does not automate rotation yet.",
        ["CRED003"] = "Replacing a long-lived credential means delivering a new, shorter-lived one to the workload before the old one is removed; "
            + "the scanner does not automate rotation yet.",
        ["CRED004"] = "A secret on a service principal may be used by an integration (for example SAML token signing), and removing it cannot be undone: "
            + "confirm with the application's owner first.",
        ["CRED005"] = "Switching to a certificate or a federated credential needs a change in the workload that signs in.",
        ["CRED006"] = "The secret must be rotated (it is readable by everyone who can read the variable, and in solution exports) and a Secret-type "
            + "variable pointing at Key Vault created; the scanner never reads or stores secret values.",
        ["CRED007"] = "The secret must be rotated at its source before the text is removed from the application's properties.",
        ["PERM005"] = "Unregistering a Power Platform management application uses the Power Platform admin API; the scanner does not automate it yet.",
    };

    public static string ReasonFor(string ruleId) =>
        Reasons.TryGetValue(ruleId, out var reason) ? reason : $"No change action is registered for rule {ruleId} (rules.yaml remediationAction).";
}
