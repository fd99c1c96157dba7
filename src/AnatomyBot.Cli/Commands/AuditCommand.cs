using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnatomyBot.Core;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Waivers;
using AnatomyBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot audit --store … [--since DATE] [--format text|json|markdown]</c>: the audit trail of a ledger
/// (waivers, unwaives, links, exemptions, mode changes), oldest first. Exit 0 listed, 2 invalid input or no ledger, 130
/// interrupted.</summary>
internal static class AuditCommand
{
    /// <summary>How many entries one listing holds at most; beyond, the listing says more were recorded.</summary>
    internal const int MaxEntries = 10_000;

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "The ledger: a SQLite file path or an Azure Storage connection string.", HelpName = "sqlite path | azure connection string", Required = true };
        var since = new Option<string?>("--since") { Description = "List entries from this UTC day on, as YYYY-MM-DD (default: all).", HelpName = "YYYY-MM-DD" };
        var format = new Option<string>("--format") { Description = "text, json or markdown.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("audit", "List the audit trail: who waived, unwaived, linked, exempted or changed a mode, when, and from which comment or commit.")
        {
            store, since, format,
        };
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("audit", token => RunAsync(
            parse.GetValue(store)!,
            parse.GetValue(since),
            parse.GetValue(format) ?? "text",
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            token), parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string store, string? since, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var from = DateTimeOffset.MinValue;
        if (since is not null)
        {
            if (!WaiverRules.TryParseDate(since, out var day))
            {
                await error.WriteLineAsync($"audit: --since must be a date written YYYY-MM-DD, not '{since}'").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        LedgerStorageOptions options;
        try
        {
            options = LedgerStorageOptions.Parse(store);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"audit: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        if (options.SqlitePath is { } path && !File.Exists(path))
        {
            await error.WriteLineAsync($"audit: no ledger at '{path}' (a SQLite file written by `anatomybot serve`).").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        await using var services = new ServiceCollection().AddAnatomyBotStorage(options).BuildServiceProvider();
        var entries = new List<AuditEntry>();
        await foreach (var entry in services.GetRequiredService<IAuditLedger>().ListAsync(from, MaxEntries + 1, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        var more = entries.Count > MaxEntries;
        if (more)
        {
            entries.RemoveAt(MaxEntries);
        }

        switch (format)
        {
            case "json":
                await output.WriteAsync(Json(entries, more)).ConfigureAwait(false);
                break;
            case "markdown":
                await output.WriteAsync(AuditText.Markdown(entries, more)).ConfigureAwait(false);
                break;
            default:
                await output.WriteAsync(AuditText.Text(entries, more)).ConfigureAwait(false);
                break;
        }

        return ExitCodes.Success;
    }

    /// <summary><c>{"entries":[{"at","actor","action","item","subject","until","reason","origin"}],"more":false}</c>;
    /// absent values are null.</summary>
    private static string Json(IReadOnlyList<AuditEntry> entries, bool more)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("at", entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("actor", entry.Actor);
                json.WriteString("action", EnumCodes.ToCode(entry.Action));
                json.WriteString("item", entry.Item);
                json.WriteString("subject", entry.Subject);
                json.WriteString("until", entry.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("reason", entry.Reason);
                json.WriteString("origin", entry.Origin);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("more", more);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
