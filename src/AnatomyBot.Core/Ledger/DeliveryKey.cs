namespace AnatomyBot.Core.Ledger;

/// <summary>What identifies a stored delivery and orders a listing (received time, then platform and id), without its body.</summary>
public sealed record DeliveryKey(string Platform, string Id, DateTimeOffset ReceivedAt, int Attempts);
