namespace XenConfig.Cli;

internal static class Program
{
    private static int Main(string[] args) => XenConfigApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
}
