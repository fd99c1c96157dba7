using System.CommandLine;
using AnatomyBot.Cli.Commands.Check;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot check --anatomy FILE --backlog FILE [--backlog FILE…] [--format text|json|markdown]
/// [--fail-on block|warn|never]</c>: places every item of the backlogs on the anatomy and reports the gaps.
/// Exit 0 when no gap reaches <c>--fail-on</c>, 1 when one does, 2 for invalid input.</summary>
internal static class CheckCommand
{
    public const int Passed = 0;
    public const int GapsFound = 1;
    public const int InvalidInput = 2;

    public static Command Create()
    {
        var anatomy = new Option<string>("--anatomy") { Description = "The anatomy file (anatomy.yml).", HelpName = "FILE" };
        var backlogs = new Option<string[]>("--backlog")
        {
            Description = "A backlog file as the platform API returns it: Azure DevOps work items ({\"count\",\"value\"} or an array) or a GitHub issues array. Repeatable.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = new Option<string>("--format") { Description = "Output: text, json or markdown (a story map).", DefaultValueFactory = _ => "text" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a gap reaches this severity: block, warn or never.", DefaultValueFactory = _ => "block" };
        var command = new Command("check", "Check a backlog against the anatomy: trace P1 → P4, layer and gaps of every epic, feature, story and pull request.")
        {
            anatomy, backlogs, format, failOn,
        };
        command.SetAction(parse => Run(
            parse.GetValue(anatomy),
            parse.GetValue(backlogs) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(failOn) ?? "block"));
        return command;
    }

    private static int Run(string? anatomyPath, string[] backlogPaths, string format, string failOnText)
    {
        if (Usage(anatomyPath, backlogPaths, format, failOnText) is { } usage)
        {
            return Fail(usage);
        }

        try
        {
            var anatomy = AnatomyFile.Load(anatomyPath!);
            var files = new List<(string Name, Stream Content)>();
            try
            {
                foreach (var path in backlogPaths)
                {
                    files.Add((path, OpenBacklog(path)));
                }

                var totalBytes = files.Sum(f => f.Content.Length);
                var progress = SpectreCheckProgress.ShouldShow(totalBytes) ? new SpectreCheckProgress() : null;
                var report = CheckPipeline.Run(anatomy, files, Enum.Parse<FailOn>(failOnText, ignoreCase: true), progress, withUrls: format == "markdown");
                Write(report, anatomy, format);
                return report.Failed ? GapsFound : Passed;
            }
            finally
            {
                files.ForEach(f => f.Content.Dispose());
            }
        }
        catch (BacklogFileException ex)
        {
            return Fail(ex.Message);
        }
    }

    private static string? Usage(string? anatomyPath, string[] backlogPaths, string format, string failOn)
    {
        if (string.IsNullOrWhiteSpace(anatomyPath))
        {
            return "check: --anatomy FILE is required";
        }

        if (backlogPaths.Length == 0)
        {
            return "check: at least one --backlog FILE is required";
        }

        if (format is not ("text" or "json" or "markdown"))
        {
            return $"check: --format must be text, json or markdown, not '{format}'";
        }

        return failOn is "block" or "warn" or "never" ? null : $"check: --fail-on must be block, warn or never, not '{failOn}'";
    }

    private static FileStream OpenBacklog(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BacklogFileException($"{path}: cannot read the backlog file: {ex.Message}");
        }
    }

    private static void Write(CheckReport report, Core.Anatomy.EnterpriseAnatomy anatomy, string format)
    {
        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            JsonReportWriter.Write(report, stdout);
            return;
        }

        var output = Console.Out;
        if (format == "markdown")
        {
            MarkdownStoryMapWriter.Write(report, anatomy, output);
        }
        else
        {
            TextReportWriter.Write(report, output);
        }

        output.Flush();
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return InvalidInput;
    }
}
