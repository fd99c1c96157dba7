namespace AnatomyBot.Storage.Sqlite;

/// <summary>Times are stored as UTC ticks: exact round-trip, integer comparisons for range queries. Read back in UTC.</summary>
internal static class SqliteTicks
{
    public static long From(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset To(long ticks) => new(ticks, TimeSpan.Zero);
}
