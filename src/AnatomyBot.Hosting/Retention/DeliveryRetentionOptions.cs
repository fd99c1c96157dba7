using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Hosting.Retention;

/// <summary>How long delivery bodies are kept. Configuration key <c>Storage:DeliveryRetention</c>.</summary>
public sealed class DeliveryRetentionOptions
{
    public const string SectionName = "Storage";

    /// <summary>Deliveries (and their bodies) and body fingerprints older than this are deleted; at least one day, the
    /// window in which a body received again under a new delivery id is recognised as a replay.</summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00")]
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);
}
