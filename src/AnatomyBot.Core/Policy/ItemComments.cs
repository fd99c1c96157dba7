namespace AnatomyBot.Core.Policy;

/// <summary><c>policy.itemComments</c>: whether backlog items (issues, work items) get the bot's sticky comment.</summary>
public enum ItemComments
{
    /// <summary>One comment when a gap first appears, edited in place, turned into "all links in place" when fixed.</summary>
    OnGaps,

    /// <summary>Labels or tags only; an existing comment is left as it is.</summary>
    Never,
}
