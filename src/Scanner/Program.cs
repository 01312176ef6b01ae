using TenantScanner.Cli.Commands;

return await CommandCatalog.InvokeAsync(args, Console.Out, Console.Error);
