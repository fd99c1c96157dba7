using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Pipeline;

/// <summary>What processing one delivery did: the items evaluated (for the ledger), and the API calls and writes it cost.</summary>
public sealed record DeliveryResult
{
    public IReadOnlyList<ItemEvaluation> Evaluations { get; init; } = [];

    /// <summary>Items found deleted: recorded as closed, their open gaps closed with them.</summary>
    public IReadOnlyList<GoneItem> Gone { get; init; } = [];

    public int ApiCalls { get; init; }

    public int Writes { get; init; }

    /// <summary>Why nothing was evaluated (an event the bot ignores, a ping), or null.</summary>
    public string? Skipped { get; init; }

    public static DeliveryResult Skip(string reason) => new() { Skipped = reason };
}
