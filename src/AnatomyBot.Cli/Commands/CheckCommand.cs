using System.CommandLine;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Cli.Input;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot check [--anatomy FILE] [--backlog FILE…] [--github OWNER/REPO…] [--azure-devops URL]
/// [--format text|json|markdown] [--fail-on block|warn|never]</c>: places every item of the backlogs (exported files and
/// live reads) on the anatomy and reports the gaps. Exit 0 when no gap reaches <c>--fail-on</c>, 1 when one does, 2 for
/// invalid input (a file that is not a backlog, credentials refused, no anatomy), 130 interrupted (Ctrl+C).</summary>
internal static class CheckCommand
{
    public const int Passed = 0;
    public const int GapsFound = 1;
    public const int InvalidInput = 2;

    /// <summary>The command; its anatomy file comes from <paramref name="prefetch"/> when that read the same file.</summary>
    public static Command Create(AnatomyPrefetch? prefetch = null)
    {
        var anatomy = new Option<string>("--anatomy") { Description = "The anatomy file (anatomy.yml). With --github or --azure-devops it may be left out: the anatomy is then read from the repository, as the bot reads it.", HelpName = "FILE" };
        var backlogs = new Option<string[]>("--backlog")
        {
            Description = "A backlog export: gh issue list / gh pr list --json, GitHub REST issues (gh api [--paginate]), or Azure DevOps work items ({\"count\",\"value\"} or an array). Repeatable.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var github = new Option<string[]>("--github")
        {
            Description = "Read a repository's open issues and pull requests live (token: GITHUB_TOKEN, else `gh auth token`; API: GITHUB_API_URL, else api.github.com). Repeatable.",
            HelpName = "OWNER/REPO",
        };
        var pullRequest = new Option<int?>("--pull-request")
        {
            Description = "With one --github: read this pull request (whatever its state) instead of every open one, with the open issues.",
            HelpName = "NUMBER",
        };
        var azureDevOps = new Option<string>("--azure-devops")
        {
            Description = "Read a project's open epics, features, stories and active pull requests live (token: AZURE_DEVOPS_EXT_PAT, else SYSTEM_ACCESSTOKEN).",
            HelpName = "https://dev.azure.com/ORG/PROJECT",
        };
        var format = new Option<string>("--format") { Description = "Output: text, json or markdown (a story map).", DefaultValueFactory = _ => "text" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a gap reaches this severity: block, warn or never.", DefaultValueFactory = _ => "block" };
        var today = TodayOption.Create();
        var command = new Command("check", "Check a backlog against the anatomy: trace P1 → P4, layer and gaps of every epic, feature, story and pull request.")
        {
            anatomy, backlogs, github, pullRequest, azureDevOps, format, failOn, today,
        };
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("check", token => new CheckInvocation(
            parse.GetValue(anatomy),
            parse.GetValue(backlogs) ?? [],
            parse.GetValue(github) ?? [],
            parse.GetValue(pullRequest),
            parse.GetValue(azureDevOps),
            parse.GetValue(format) ?? "text",
            parse.GetValue(failOn) ?? "block",
            parse.GetValue(today),
            prefetch).RunAsync(token), Console.Error, cancellationToken));
        return command;
    }
}
