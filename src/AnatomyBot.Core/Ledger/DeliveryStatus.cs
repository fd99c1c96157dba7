namespace AnatomyBot.Core.Ledger;

public enum DeliveryStatus
{
    Received,
    Processed,
    Failed,
    Poison,
}
