using TenantScanner.Bench.TenantGenerator;

return GeneratorCli.Run(args, Console.Out, Console.Error);
