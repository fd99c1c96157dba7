namespace AnatomyBot.Core.Policy;

/// <summary><c>policy.comment</c>: when a pull request gets the bot's comment.</summary>
public enum CommentMode
{
    /// <summary>On every pull request (the default).</summary>
    Always,

    /// <summary>Created only while a gap no waiver covers remains; an existing comment is still kept up to date.</summary>
    OnGaps,

    /// <summary>Never: the check run's summary is the only text.</summary>
    Never,
}
