namespace AnatomyBot.Core.Ledger;

/// <summary>How long the delivery ledger keeps what it was sent. Deleting a delivery deletes its body (author e-mails,
/// private issue text); evaluations and gap events, the digest's history, are kept.</summary>
public interface IDeliveryRetention
{
    /// <summary>Deletes every delivery received before <paramref name="before"/>, whatever its status; returns how many.</summary>
    Task<int> DeleteReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
