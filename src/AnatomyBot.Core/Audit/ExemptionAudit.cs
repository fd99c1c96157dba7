using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Audit;

/// <summary>The audit entry of an exemption label or tag added to or removed from an item: <c>exempt</c> or
/// <c>unexempt</c>, the label as subject, the person who changed it as actor. Only the labels
/// <c>policy.exempt.labels</c> names count (case-insensitive). Pure.</summary>
public static class ExemptionAudit
{
    /// <summary>How the key of an exemption entry starts; the rest names the event that carried it, so a redelivery of
    /// that event records nothing new.</summary>
    public const string KeyPrefix = "exempt:";

    /// <summary>The entry, or null when <paramref name="label"/> is not an exemption label or a name is unusable.</summary>
    public static AuditEntry? For(AnatomyPolicy policy, string item, string label, bool added, string? actor, DateTimeOffset at, string? origin, string eventKey)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(eventKey);
        var exemption = policy.ExemptLabels.FirstOrDefault(l => string.Equals(l.Trim(), label.Trim(), StringComparison.OrdinalIgnoreCase));
        if (exemption is null || item.Length is 0 or > AuditEntry.MaxNameLength || KeyPrefix.Length + eventKey.Length > AuditEntry.MaxNameLength)
        {
            return null;
        }

        return new AuditEntry
        {
            At = at,
            Actor = actor is { Length: > 0 and <= AuditEntry.MaxNameLength } who ? who : "unknown",
            Action = added ? AuditAction.Exempt : AuditAction.Unexempt,
            Item = item,
            Subject = exemption,
            Origin = origin is { Length: <= AuditEntry.MaxUrlLength } ? origin : null,
            Key = KeyPrefix + eventKey,
        };
    }
}
