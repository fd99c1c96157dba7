using System.ComponentModel.DataAnnotations;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Hosting.Inbox;

/// <summary>The local inbox worker. Configuration section <c>Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>Deliveries processed at once. 1 keeps events for one pull request in arrival order; reconcile is idempotent,
    /// so more is safe for throughput but costs more API calls when events for one item arrive together.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 1;

    /// <summary>How many Received/Failed rows are reloaded from the ledger on start.</summary>
    [Range(1, 10_000_000)]
    public int RecoverMax { get; set; } = 1_000_000;

    /// <summary>Back-off after the ledger itself failed (not the platform): the delivery is tried again after this.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan InfrastructureRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
