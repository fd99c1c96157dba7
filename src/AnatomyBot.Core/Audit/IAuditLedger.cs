namespace AnatomyBot.Core.Audit;

/// <summary>The append-only audit trail: waivers, unwaives, links, exemptions and mode changes. Nothing is ever
/// updated or deleted.</summary>
public interface IAuditLedger
{
    /// <summary>Appends <paramref name="entry"/>. False (and nothing recorded) when its <see cref="AuditEntry.Key"/> was
    /// recorded before; true otherwise.</summary>
    Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries at or after <paramref name="since"/>, oldest first (entries of one instant in the order appended on
    /// SQLite, in no set order on Table Storage); at most
    /// <paramref name="max"/>.</summary>
    IAsyncEnumerable<AuditEntry> ListAsync(DateTimeOffset since, int max, CancellationToken cancellationToken);
}
