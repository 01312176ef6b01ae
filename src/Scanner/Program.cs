using TenantScanner.Cli.Commands;

return await CommandCatalog.BuildRoot().Parse(args).InvokeAsync();
