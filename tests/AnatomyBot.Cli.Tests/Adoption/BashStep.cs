using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary>Runs a CI step's script body the way the runners do: written to a file and run by bash with the step's
/// environment, in its working directory.</summary>
internal static class BashStep
{
    public static async Task<CliResult> RunAsync(string script, IReadOnlyList<string> bashOptions, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var file = Path.Combine(Path.GetTempPath(), "anatomybot-step-" + Guid.NewGuid().ToString("N") + ".sh");
        await File.WriteAllTextAsync(file, script);
        try
        {
            return await CliRunner.RunProcessAsync(
                "bash",
                [.. bashOptions, file],
                new CliRunOptions
                {
                    WorkingDirectory = workingDirectory,
                    Environment = environment,
                    Unset = [.. ToolPackage.BuildVariables, "GITHUB_*", "RUNNER_*", "ACTIONS_*", "SYSTEM_*", "BUILD_*", "AGENT_*", "TF_BUILD", "ANATOMYBOT_*"],
                    Timeout = TimeSpan.FromMinutes(3),
                });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
