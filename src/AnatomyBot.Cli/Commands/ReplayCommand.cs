using System.CommandLine;
using AnatomyBot.Cli.Hosting;
using AnatomyBot.Core.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot replay [--status failed|poison|all] [--from DIR]</c>: re-drive deliveries through the pipeline.
/// Exit codes: 0 every replayed delivery ended processed, 1 some did not (listed), 2 the configuration is not usable,
/// 130 interrupted (deliveries not yet re-driven stay as they were).</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var pipeline = new PipelineOptions();
        var status = new Option<string>("--status")
        {
            Description = "Which ledger deliveries to re-drive: failed, poison or all (both).",
            DefaultValueFactory = _ => "all",
        };
        status.AcceptOnlyFromAmong("failed", "poison", "all");
        var from = new Option<DirectoryInfo?>("--from")
        {
            Description = "Instead of the ledger: a folder of recorded payloads (NAME.json body + NAME.headers.json headers).",
        };
        var max = new Option<int>("--max") { Description = "Most deliveries taken from the ledger per status.", DefaultValueFactory = _ => 10_000 };
        var command = new Command("replay", "Re-drive failed or poison deliveries, or a folder of recorded payloads, through the pipeline.");
        command.Options.Add(status);
        command.Options.Add(from);
        command.Options.Add(max);
        pipeline.AddTo(command);
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("replay", token => StartupFailure.GuardAsync(
            () => RunAsync(pipeline.Read(parse), parse.GetValue(status)!, parse.GetValue(from), parse.GetValue(max), token),
            Console.Error), Console.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(PipelineSettings settings, string status, DirectoryInfo? from, int max, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(PipelineComposition.HostArgs);
        builder.Configuration.AddAnatomyBotSources(settings);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAnatomyBotLocal(builder.Configuration, settings);
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Replayer>(sp, Console.Out));
        using var host = builder.Build();
        StartupFailure.ValidateOptions(host.Services);
        await host.StartAsync(cancellationToken);
        var replayer = host.Services.GetRequiredService<Replayer>();
        int unfinished;
        if (from is not null)
        {
            var (replayed, rejected) = await replayer.FromFolderAsync(from.FullName, cancellationToken);
            unfinished = rejected + await replayer.UnfinishedAsync(replayed, cancellationToken);
            await Console.Out.WriteLineAsync($"Replayed {replayed.Count} recorded deliveries from {from.FullName}; {rejected} rejected.");
        }
        else
        {
            DeliveryStatus[] statuses = status switch
            {
                "failed" => [DeliveryStatus.Failed],
                "poison" => [DeliveryStatus.Poison],
                _ => [DeliveryStatus.Failed, DeliveryStatus.Poison],
            };
            var replayed = await replayer.FromLedgerAsync(statuses, max, cancellationToken);
            unfinished = await replayer.UnfinishedAsync(replayed, cancellationToken);
            await Console.Out.WriteLineAsync($"Replayed {replayed.Count} deliveries from {settings.Store}.");
        }

        await host.StopAsync(CancellationToken.None);
        return unfinished == 0 ? 0 : 1;
    }
}
