using System.Globalization;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Fills a SQLite ledger with a large, deterministic, self-consistent history for benchmarks and tests: per
/// item and gap code the events alternate opened/closed in time order, and each item's latest evaluation holds exactly
/// the gaps its events leave open. Writes in one transaction with prepared commands (about 1M events per few seconds).</summary>
public static class SqliteLedgerSeeder
{
    private static readonly string[] Codes = [GapCodes.NoOutcome, GapCodes.NoStage, GapCodes.NoLogic, GapCodes.NoComponent, GapCodes.NoWorkItem];

    public static async Task SeedAsync(SqliteLedgerDatabase database, LedgerSeedOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Items, 1);
        var random = new Random(options.Seed);
        var since = options.Until.AddDays(-7 * options.Weeks);
        var span = (options.Until - since).Ticks;
        var times = new long[options.GapEvents];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = since.UtcTicks + random.NextInt64(span);
        }

        Array.Sort(times);
        var open = new HashSet<(int Item, int Code)>();
        var lastSeen = new long[options.Items];
        var firstSeen = new long[options.Items];
        Array.Fill(firstSeen, since.UtcTicks);

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var writer = new SqliteEvaluationWriter(connection, transaction);
            foreach (var at in times)
            {
                var item = random.Next(options.Items);
                var code = random.Next(Codes.Length);
                var kind = open.Add((item, code)) ? GapEventKind.Opened : GapEventKind.Closed;
                if (kind == GapEventKind.Closed)
                {
                    open.Remove((item, code));
                }

                firstSeen[item] = lastSeen[item] == 0 ? at : firstSeen[item];
                lastSeen[item] = at;
                writer.Append(new GapEvent(SourceOf(item), IdOf(item), Codes[code], SeverityOf(code), kind, new DateTimeOffset(at, TimeSpan.Zero)));
            }

            for (var item = 0; item < options.Items; item++)
            {
                var gaps = Enumerable.Range(0, Codes.Length).Where(c => open.Contains((item, c))).ToDictionary(c => Codes[c], SeverityOf);
                writer.Upsert(Evaluation(options, random, item, gaps, firstSeen[item], Math.Max(lastSeen[item], firstSeen[item])));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    private static StoredEvaluation Evaluation(LedgerSeedOptions options, Random random, int item, Dictionary<string, GapSeverity> gaps, long firstSeen, long evaluatedAt)
    {
        var kind = (item % 20) switch { 0 => ItemKind.Epic, < 4 => ItemKind.Feature, < 12 => ItemKind.Story, _ => ItemKind.PullRequest };
        var stage = options.Stages[random.Next(options.Stages.Count)];
        var trace = new Trace(
            gaps.ContainsKey(GapCodes.NoOutcome) ? [] : [options.Outcomes[random.Next(options.Outcomes.Count)]],
            gaps.ContainsKey(GapCodes.NoStage) ? [] : [stage],
            gaps.ContainsKey(GapCodes.NoLogic) ? [] : [options.Logic[random.Next(options.Logic.Count)]],
            gaps.ContainsKey(GapCodes.NoComponent) ? [] : [options.Components[random.Next(options.Components.Count)]]);
        var layer = trace.Components.Count > 0 ? Layer.Component : trace.Logic.Count > 0 ? Layer.Logic
            : trace.Stages.Count > 0 ? Layer.Stage : trace.Outcomes.Count > 0 ? Layer.Outcome : Layer.Unmapped;
        var source = SourceOf(item);
        var merged = kind == ItemKind.PullRequest && item % 3 == 0;
        return new StoredEvaluation
        {
            Source = source,
            ItemId = IdOf(item),
            Kind = kind,
            Title = $"{kind} {item.ToString(CultureInfo.InvariantCulture)}",
            Url = source == ItemSource.GitHub ? $"https://github.com/{IdOf(item).Replace("#", "/issues/", StringComparison.Ordinal)}" : $"https://dev.azure.com/org/project/_workitems/edit/{item}",
            Scope = source == ItemSource.GitHub ? $"org/repo-{item % 25}" : $"Project\\Team {item % 15}",
            Layer = layer,
            Trace = trace,
            Gaps = gaps,
            IsOpen = !merged,
            MergedAt = merged ? new DateTimeOffset(evaluatedAt, TimeSpan.Zero) : null,
            FirstSeen = new DateTimeOffset(firstSeen, TimeSpan.Zero),
            EvaluatedAt = new DateTimeOffset(evaluatedAt, TimeSpan.Zero),
        };
    }

    private static ItemSource SourceOf(int item) => item % 2 == 0 ? ItemSource.GitHub : ItemSource.AzureDevOps;

    private static string IdOf(int item) => item % 2 == 0
        ? $"org/repo-{(item % 25).ToString(CultureInfo.InvariantCulture)}#{item.ToString(CultureInfo.InvariantCulture)}"
        : item.ToString(CultureInfo.InvariantCulture);

    private static GapSeverity SeverityOf(int code) => code == 3 ? GapSeverity.Block : GapSeverity.Warn;
}
