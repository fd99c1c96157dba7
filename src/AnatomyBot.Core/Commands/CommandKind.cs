namespace AnatomyBot.Core.Commands;

/// <summary>The <c>/anatomy</c> comment commands.</summary>
public enum CommandKind
{
    /// <summary><c>/anatomy recheck</c>: evaluate again now.</summary>
    Recheck,

    /// <summary><c>/anatomy explain</c>: the full trace, each gap's reason, the rule and scope, the suggestions.</summary>
    Explain,

    /// <summary><c>/anatomy link component:C-ID</c> (also <c>outcome:</c>, <c>stage:</c>, <c>logic:</c>).</summary>
    Link,

    /// <summary><c>/anatomy waive &lt;gap-code&gt; until &lt;YYYY-MM-DD&gt; because &lt;reason&gt;</c>.</summary>
    Waive,

    /// <summary><c>/anatomy unwaive &lt;gap-code&gt;</c>.</summary>
    Unwaive,
}
