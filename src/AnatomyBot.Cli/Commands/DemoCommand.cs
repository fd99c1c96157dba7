using System.CommandLine;
using AnatomyBot.Cli.Demo;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot demo [--out DIR]</c>: the onboarding sample end to end with local fakes of the platform APIs.
/// Exit codes: 0 the demo told its story (failing check, then success after the fix; digest written), 1 it did not,
/// 130 interrupted.</summary>
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
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("demo", token => RunAsync(parse.GetValue(outDir)?.FullName, Path.GetTempPath(), Console.Out, token), Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the demo in <paramref name="outDir"/>, else in a new folder under <paramref name="temporaryRoot"/>,
    /// which an interrupted demo removes.</summary>
    internal static async Task<int> RunAsync(string? outDir, string temporaryRoot, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = outDir ?? Path.Combine(temporaryRoot, "anatomybot-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var result = await new DemoRunner(output).RunAsync(folder, cancellationToken);
            return result.Succeeded ? 0 : 1;
        }
        catch (OperationCanceledException) when (outDir is null && cancellationToken.IsCancellationRequested)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            throw;
        }
    }
}
