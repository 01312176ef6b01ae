using TenantScanner.TestKit.TenantGenerator;

return GeneratorCli.Run(args, Console.Out, Console.Error);
