using System.Diagnostics.CodeAnalysis;

// Test names are sentences (STYLE.md): Flags_flow_whose_only_connection_belongs_to_a_disabled_user.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names are sentences.",
    Scope = "namespaceanddescendants", Target = "~N:TenantScanner.Tests.Snapshots")]
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names are sentences.",
    Scope = "namespaceanddescendants", Target = "~N:TenantScanner.Tests.Inventory")]
