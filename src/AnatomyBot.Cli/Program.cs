using System.CommandLine;
using AnatomyBot.Cli.Commands;

var root = new RootCommand("AnatomyBot: checks that value streams link up to strategic outcomes (P1) and down to logic (P3) and component specifications (P4).");
foreach (var command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
