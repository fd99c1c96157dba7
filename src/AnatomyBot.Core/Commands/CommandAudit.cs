using AnatomyBot.Core.Audit;

namespace AnatomyBot.Core.Commands;

/// <summary>The audit entry of an accepted <c>/anatomy</c> command, the same on every platform: the command's action,
/// its subject (the label a <c>link</c> adds, the gap code a <c>waive</c> or <c>unwaive</c> names), and a waiver's
/// date and reason. Pure.</summary>
public static class CommandAudit
{
    /// <param name="command">The accepted command.</param>
    /// <param name="item">The item it acts on.</param>
    /// <param name="actor">Who wrote the comment.</param>
    /// <param name="at">When it was acted on.</param>
    /// <param name="origin">The comment's web address, when known.</param>
    /// <param name="key">The entry's key, unique per comment and command line, so a redelivered comment acts once.</param>
    public static AuditEntry Entry(AnatomyCommand command, string item, string actor, DateTimeOffset at, string? origin, string key)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new()
        {
            At = at,
            Actor = actor,
            Action = command.Kind switch
            {
                CommandKind.Waive => AuditAction.Waive,
                CommandKind.Unwaive => AuditAction.Unwaive,
                CommandKind.Link => AuditAction.Link,
                CommandKind.Explain => AuditAction.Explain,
                _ => AuditAction.Recheck,
            },
            Item = item,
            Subject = command.Kind switch
            {
                CommandKind.Link => command.LinkLabel!,
                CommandKind.Waive or CommandKind.Unwaive => command.GapCode!,
                _ => AuditText.NoSubject,
            },
            Until = command.Until,
            Reason = command.Reason,
            Origin = origin,
            Key = key,
        };
    }
}
