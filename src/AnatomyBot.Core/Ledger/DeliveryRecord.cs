using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Core.Ledger;

/// <summary>A delivery as the ledger keeps it: the delivery itself, where it is in its life, and the last error.</summary>
public sealed record DeliveryRecord(Delivery Delivery, DeliveryStatus Status, DateTimeOffset UpdatedAt, string? LastError = null);
