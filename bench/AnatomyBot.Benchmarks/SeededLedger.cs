using System.Globalization;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Benchmarks;

/// <summary>A seeded SQLite ledger file cached under the temp folder by its size and seed, so benchmark processes and
/// repeated runs share one generation (about 10 s for a million events).</summary>
public static class SeededLedger
{
    public static async Task<SqliteLedgerDatabase> OpenAsync(LedgerSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.Combine(Path.GetTempPath(), "anatomybot-bench");
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"ledger-{options.Items}-{options.GapEvents}-{options.Weeks}-{options.Seed}-{options.Until.UtcTicks}-v{SqliteMigrations.Latest}.db");
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            var building = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var fresh = new SqliteLedgerDatabase(building))
            {
                await SqliteLedgerSeeder.SeedAsync(fresh, options, CancellationToken.None);
                await fresh.CheckpointAsync(CancellationToken.None);
            }

            File.Move(building, path, overwrite: true);
        }

        return new SqliteLedgerDatabase(path);
    }
}
