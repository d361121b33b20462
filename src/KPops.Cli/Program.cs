namespace KPops.Cli;

internal static class Program
{
    private static int Main(string[] args) => KpopsCli.Run(args);
}
