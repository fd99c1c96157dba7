using BenchmarkDotNet.Running;

namespace AnatomyBot.Benchmarks;

internal static class BenchmarkProgram
{
    /// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter *Check*</c>.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
