namespace AnatomyBot.Core.Pipeline;

/// <summary>Per platform: turns a delivery into reconciled items. Re-reads current state from the platform API (never
/// trusts the payload's copy), evaluates the changed subjects and their dependants, and applies only the differences.
/// Throws <see cref="TransientDeliveryException"/> when a retry may succeed (rate limits, 5xx).</summary>
public interface IDeliveryHandler
{
    string Platform { get; }

    Task<DeliveryResult> HandleAsync(Delivery delivery, CancellationToken cancellationToken);
}
