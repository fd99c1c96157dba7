using BenchmarkDotNet.Running;

namespace AnatomyBot.Benchmarks;

internal static class BenchmarkProgram
{
    /// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter *Check*</c>; or
    /// <c>generate-check FOLDER [ITEMS]</c> writes the synthetic <c>anatomy.yml</c> and <c>backlog.json</c> that the
    /// check benchmark uses, for a peak-memory run of the built CLI; <c>probe-serve SECONDS</c> loads serve for a profiler.</summary>
    public static void Main(string[] args)
    {
        if (args is ["generate-check", var folder, ..])
        {
            Check.CheckInputs.Generate(folder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
            return;
        }

        if (args is ["probe-check", var probeFolder, ..])
        {
            Check.CheckProbe.Run(probeFolder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args is ["probe-steps", var stepsFolder])
        {
            Check.CheckProbe.Steps(stepsFolder);
            return;
        }

        if (args is ["probe-loops", ..])
        {
            Check.HotLoopProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
            return;
        }

        if (args is ["probe-serve", var seconds])
        {
            Serve.AckProbe.RunAsync(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
            return;
        }

        if (args is ["probe-reload-seed", var rows, var seedPath])
        {
            Reload.ReloadProbe.SeedAsync(int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture), seedPath).GetAwaiter().GetResult();
            return;
        }

        if (args is ["probe-reload", var reloadPath, ..])
        {
            Reload.ReloadProbe.RunAsync(reloadPath, listBodies: args is [_, _, "list"]).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
