using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Storage.Tests;

/// <summary>Builders for ledger records in tests.</summary>
internal static class LedgerData
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static Delivery Delivery(string id, DateTimeOffset? receivedAt = null, string platform = Platforms.GitHub, string? body = null) => new()
    {
        Platform = platform,
        Id = id,
        EventName = "pull_request",
        Body = body ?? $$"""{"id":"{{id}}"}""",
        ReceivedAt = receivedAt ?? T0,
    };

    public static StoredEvaluation Evaluation(string itemId, DateTimeOffset at, params string[] gaps) => Evaluation(ItemSource.GitHub, itemId, at, gaps);

    public static StoredEvaluation Evaluation(ItemSource source, string itemId, DateTimeOffset at, params string[] gaps) => new()
    {
        Source = source,
        ItemId = itemId,
        Kind = ItemKind.Story,
        Title = $"Story {itemId}",
        Layer = gaps.Length == 0 ? Layer.Component : Layer.Stage,
        Trace = new Trace(["o-retention"], ["s-verify"], gaps.Length == 0 ? ["l-kyc"] : [], []),
        Gaps = gaps.ToDictionary(g => g, g => g == GapCodes.NoComponent ? GapSeverity.Block : GapSeverity.Warn),
        FirstSeen = at,
        EvaluatedAt = at,
    };
}
