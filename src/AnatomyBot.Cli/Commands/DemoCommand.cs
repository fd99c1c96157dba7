using System.CommandLine;
using AnatomyBot.Cli.Demo;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot demo [--out DIR]</c>: the onboarding sample end to end with local fakes of the platform APIs.
/// Exit codes: 0 the demo told its story (failing check, then success after the fix; digest written), 1 it did not.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var outDir = new Option<DirectoryInfo?>("--out")
        {
            Description = "Folder for the demo's ledger and digest (default: a new folder under the system temp folder).",
        };
        var command = new Command("demo", "Replay a scripted week of the onboarding sample through the whole bot, with the GitHub API answered locally, and show what each audience sees.");
        command.Options.Add(outDir);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(outDir)?.FullName
                ?? Path.Combine(Path.GetTempPath(), "anatomybot-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            var result = await new DemoRunner(Console.Out).RunAsync(folder, cancellationToken);
            return result.Succeeded ? 0 : 1;
        });
        return command;
    }
}
