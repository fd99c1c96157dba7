using System.CommandLine;
using AnatomyBot.Cli.Digest;
using AnatomyBot.Core.Digest.Rendering;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot digest</c>: the weekly governance digest from a ledger (<c>--store</c>), or the stateless
/// digest of backlog exports (<c>--anatomy</c> + <c>--backlog</c>). Exit 0 written, 1 an output could not be written,
/// 2 invalid input, 130 interrupted (no output file left half written).</summary>
internal static class DigestCommand
{
    public const int Ok = 0;
    public const int WriteFailed = 1;
    public const int InvalidInput = 2;

    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "The ledger: a SQLite file path or an Azure Storage connection string.", HelpName = "sqlite path | azure connection string" };
        var anatomy = new Option<string?>("--anatomy") { Description = "anatomy.yml: value streams, strategy and lint sections (required with --backlog).", HelpName = "FILE" };
        var backlog = new Option<string[]>("--backlog") { Description = "Backlog export(s) for the stateless digest (Azure DevOps or GitHub API JSON); no trend sections.", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
        var week = new Option<string?>("--week") { Description = "ISO week to report, e.g. 2026-W48. Default: the last complete week.", HelpName = "YYYY-Www" };
        var timeZone = new Option<string?>("--time-zone") { Description = "Time zone whose Mondays start the weeks (IANA id, e.g. Europe/Amsterdam). Default: UTC.", HelpName = "ID" };
        var output = new Option<string?>("--out") { Description = "Write the Markdown here (default: standard output when no --html is given).", HelpName = "FILE" };
        var html = new Option<string?>("--html") { Description = "Also write a standalone HTML page (Mermaid pictures drawn in the browser).", HelpName = "FILE" };
        var flavor = new Option<string>("--flavor") { Description = "Markdown flavour: github (```mermaid fences) or azure-devops (::: mermaid blocks).", DefaultValueFactory = _ => "github" };
        flavor.AcceptOnlyFromAmong("github", "azure-devops");
        var command = new Command("digest", "The weekly governance digest: where value streams are only diagrams, in Markdown with pictures.")
        {
            store, anatomy, backlog, week, timeZone, output, html, flavor,
        };
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("digest", token => new DigestInvocation(
            parse.GetValue(store),
            parse.GetValue(anatomy),
            parse.GetValue(backlog) ?? [],
            parse.GetValue(week),
            parse.GetValue(timeZone),
            parse.GetValue(output),
            parse.GetValue(html),
            parse.GetValue(flavor) == "azure-devops" ? DigestFlavor.AzureDevOps : DigestFlavor.GitHub).RunAsync(Console.Out, Console.Error, TimeProvider.System, token), Console.Error, cancellationToken));
        return command;
    }
}
