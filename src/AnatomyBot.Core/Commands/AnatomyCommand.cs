using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Commands;

/// <summary>One well-formed <c>/anatomy</c> command, as written (<see cref="Text"/>) and read.</summary>
public sealed record AnatomyCommand
{
    public required CommandKind Kind { get; init; }

    /// <summary>The command line as written (trimmed).</summary>
    public required string Text { get; init; }

    /// <summary><c>link</c>: the layer named (<c>component:</c> → <see cref="Layer.Component"/>).</summary>
    public Layer? Layer { get; init; }

    /// <summary><c>link</c>: the element id.</summary>
    public string? ElementId { get; init; }

    /// <summary><c>waive</c>, <c>unwaive</c>: the gap code.</summary>
    public string? GapCode { get; init; }

    /// <summary><c>waive</c>: the last day, inclusive.</summary>
    public DateOnly? Until { get; init; }

    /// <summary><c>waive</c>: why.</summary>
    public string? Reason { get; init; }

    /// <summary>Who may run it.</summary>
    public CommandAccess Permission => Kind switch
    {
        CommandKind.Link => CommandAccess.Write,
        CommandKind.Waive or CommandKind.Unwaive => CommandAccess.Approver,
        _ => CommandAccess.Anyone,
    };

    /// <summary>The label or tag a <c>link</c> adds: <c>component:C-ID</c>.</summary>
    public string? LinkLabel => Layer is { } layer && ElementId is { } id ? $"{layer.ToNoun()}:{id}" : null;
}
