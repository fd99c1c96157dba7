using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary><c>check</c> fixtures and a synchronous shorthand over <see cref="CliRunner"/> (the built CLI as a process,
/// run from the fixture folder).</summary>
internal static class CheckCli
{
    public static string FixtureDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Check");

    public static string Fixture(string name) => Path.Combine(FixtureDirectory, name);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var result = CliRunner.RunAsync(args, new CliRunOptions { WorkingDirectory = FixtureDirectory, Timeout = TimeSpan.FromSeconds(120) })
            .GetAwaiter().GetResult();
        return result.TimedOut
            ? throw new TimeoutException("anatomybot did not finish in 120 s")
            : (result.ExitCode, result.Stdout, result.Stderr);
    }

    public static (int ExitCode, string Stdout, string Stderr) Check(params string[] more)
        => Run(["check", "--anatomy", Fixture("anatomy.yml"), .. more]);
}
