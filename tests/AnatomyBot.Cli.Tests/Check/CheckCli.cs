using System.Diagnostics;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>Runs the built <c>anatomybot</c> (the assembly next to the tests) as a separate process, output redirected.</summary>
internal static class CheckCli
{
    public static string FixtureDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Check");

    public static string Fixture(string name) => Path.Combine(FixtureDirectory, name);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = FixtureDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "anatomybot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("anatomybot did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static (int ExitCode, string Stdout, string Stderr) Check(params string[] more)
        => Run(["check", "--anatomy", Fixture("anatomy.yml"), .. more]);
}
