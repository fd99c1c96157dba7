namespace AnatomyBot.Storage.Sqlite;

/// <summary>What <see cref="SqliteLedgerSeeder"/> generates: <see cref="Items"/> items (half GitHub, half Azure DevOps)
/// and <see cref="GapEvents"/> gap events spread evenly over the <see cref="Weeks"/> weeks before <see cref="Until"/>.
/// Anatomy ids default to <c>o-1…</c>, <c>s-1…</c>, <c>l-1…</c>, <c>c-1…</c>; pass a real anatomy's ids to match it.</summary>
public sealed record LedgerSeedOptions
{
    public int Items { get; init; } = 100_000;

    public int GapEvents { get; init; } = 1_000_000;

    public required DateTimeOffset Until { get; init; }

    public int Weeks { get; init; } = 8;

    public int Seed { get; init; } = 42;

    public IReadOnlyList<string> Outcomes { get; init; } = Ids("o", 6);

    public IReadOnlyList<string> Stages { get; init; } = Ids("s", 12);

    public IReadOnlyList<string> Logic { get; init; } = Ids("l", 40);

    public IReadOnlyList<string> Components { get; init; } = Ids("c", 60);

    private static string[] Ids(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => prefix + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
