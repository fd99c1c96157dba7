namespace AnatomyBot.Core.Audit;

/// <summary>What an <see cref="AuditEntry"/> records. Codes (<see cref="EnumCodes"/>): <c>waive</c>, <c>unwaive</c>,
/// <c>link</c>, <c>exempt</c>, <c>mode</c>, <c>recheck</c>, <c>explain</c>, <c>unexempt</c>. Stored by number: new
/// actions are only ever added at the end.</summary>
public enum AuditAction
{
    /// <summary>A waiver: from <c>anatomy.yml</c> when first seen in a commit, or from <c>/anatomy waive</c>.</summary>
    Waive,

    /// <summary><c>/anatomy unwaive</c>.</summary>
    Unwaive,

    /// <summary><c>/anatomy link</c>: a label or tag added to an item.</summary>
    Link,

    /// <summary>An item exempted (the exemption label or tag set).</summary>
    Exempt,

    /// <summary>A change of <c>policy.mode</c>.</summary>
    Mode,

    /// <summary><c>/anatomy recheck</c>.</summary>
    Recheck,

    /// <summary><c>/anatomy explain</c>.</summary>
    Explain,

    /// <summary>An exemption ended (the exemption label or tag removed).</summary>
    Unexempt,
}
