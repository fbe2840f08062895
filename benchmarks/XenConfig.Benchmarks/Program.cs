using BenchmarkDotNet.Running;

namespace XenConfig.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (args is ["parse-loop", _, ..])
        {
            ParseLoop.Run(args);
            return;
        }

        if (args is ["throughput", ..])
        {
            Environment.Exit(Throughput.Run(args));
        }

        if (args is ["scaling", ..])
        {
            ScalingCheck.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
