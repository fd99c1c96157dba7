using System.CommandLine;
using AnatomyBot.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot serve [--port N] [--dry-run]</c>: receive webhooks on 127.0.0.1 and process them from the SQLite inbox.
/// Exit codes: 0 after a clean shutdown, 2 when the configuration is not usable.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var pipeline = new PipelineOptions();
        var port = new Option<int?>("--port")
        {
            Description = $"Port on 127.0.0.1 (default {ServeApplication.DefaultPort}; without --port, ASPNETCORE_URLS is honoured).",
        };
        var command = new Command("serve", "Receive GitHub and Azure DevOps webhooks on POST /api/github/webhooks and /api/azure-devops/webhooks and process them locally.");
        command.Options.Add(port);
        pipeline.AddTo(command);
        command.SetAction((parse, cancellationToken) => StartupFailure.GuardAsync(
            async () =>
            {
                await using var app = ServeApplication.Build(pipeline.Read(parse), parse.GetValue(port));
                StartupFailure.ValidateOptions(app.Services);
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return 0;
            },
            Console.Error));
        return command;
    }
}
