using System.CommandLine;
using AnatomyBot.Cli.Commands;
using AnatomyBot.Cli.Input;

// check's anatomy is read while the command line is set up (the larger part of start-up before the backlog).
var anatomy = AnatomyPrefetch.Start(args);
var root = new RootCommand("AnatomyBot: checks that value streams link up to strategic outcomes (P1) and down to logic (P3) and component specifications (P4).");
foreach (var command in CommandCatalog.Create(anatomy))
{
    root.Subcommands.Add(command);
}

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    // Usage errors are invalid input: exit 2 like every other invalid input (System.CommandLine's default is 1).
    foreach (var error in parseResult.Errors)
    {
        Console.Error.WriteLine($"anatomybot: {error.Message}");
    }

    Console.Error.WriteLine("Run 'anatomybot --help' for usage.");
    return 2;
}

// Signals are answered by the commands, which say which one came (Interruption: 130 for SIGINT, 143 for SIGTERM; serve's
// host: a clean shutdown). System.CommandLine's own handler would take them first and cancel the work without saying which.
return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
