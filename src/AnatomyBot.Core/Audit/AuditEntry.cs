namespace AnatomyBot.Core.Audit;

/// <summary>One line of the audit trail: who did what, when, to which item, from which comment or commit. Entries are
/// only ever appended.</summary>
public sealed record AuditEntry
{
    /// <summary>Longest <see cref="Actor"/>, <see cref="Item"/> and <see cref="Key"/>.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest <see cref="Subject"/> and <see cref="Reason"/>.</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>Longest <see cref="Origin"/>.</summary>
    public const int MaxUrlLength = 2_048;

    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who: the commenter, the commit's author, or the approver a file waiver names.</summary>
    public required string Actor { get; init; }

    public required AuditAction Action { get; init; }

    /// <summary>Which item (<c>owner/repo#N</c> or an Azure DevOps id); null for what applies file-wide (a mode).</summary>
    public string? Item { get; init; }

    /// <summary>What: the gap code or waiver id, the element linked (<c>component:C-ID</c>), the mode.</summary>
    public required string Subject { get; init; }

    /// <summary>A waiver's last day.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>A waiver's reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The comment or commit URL it came from.</summary>
    public string? Origin { get; init; }

    /// <summary>When set, the entry is recorded once per key (a comment id, a waiver first seen in a commit); appending
    /// the same key again records nothing.</summary>
    public string? Key { get; init; }

    /// <summary>Throws when a field is empty or over its length limit.</summary>
    public void Validate()
    {
        Check(Actor, nameof(Actor), MaxNameLength, required: true);
        Check(Subject, nameof(Subject), MaxTextLength, required: true);
        Check(Item, nameof(Item), MaxNameLength, required: false);
        Check(Reason, nameof(Reason), MaxTextLength, required: false);
        Check(Origin, nameof(Origin), MaxUrlLength, required: false);
        Check(Key, nameof(Key), MaxNameLength, required: false);
    }

    private static void Check(string? value, string name, int max, bool required)
    {
        if (value is null ? required : value.Length == 0 || value.Length > max)
        {
            throw new ArgumentException($"Audit entry {name} must be 1 to {max} characters.", name);
        }
    }
}
