namespace AnatomyBot.Core.Policy;

/// <summary><c>policy.mode</c>: how far the bot acts, for rolling it out gently (report first, then label, then block).</summary>
public enum PolicyMode
{
    /// <summary>The bot does nothing: no label, comment or check is written or changed.</summary>
    Off,

    /// <summary>The comment and a check that never fails (neutral at worst); no labels.</summary>
    Report,

    /// <summary>Labels and the comment; the check never fails.</summary>
    Label,

    /// <summary>Labels, the comment, and a check that fails while a <c>block</c> gap remains (the default).</summary>
    Block,
}
