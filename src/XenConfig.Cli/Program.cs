namespace XenConfig.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        GcHeapPrefault.Run();
        return XenConfigApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
    }
}
