namespace AnatomyBot.Hosting.Inbox;

/// <summary>What the local inbox queues for a delivery: its key and attempt count, not its body. The body is in the ledger
/// row written before the acknowledgement and is read back when the delivery is processed (the same claim check the
/// Storage queue uses for large deliveries), so a burst waiting to be processed does not keep every body in memory.</summary>
internal sealed record InboxEntry(string Platform, string Id, int Attempts);
