namespace AnatomyBot.Core.Reconcile;

/// <summary>Hidden markers that let the bot find its own comment again instead of writing a second one.</summary>
public static class Markers
{
    public const string Comment = "<!-- anatomybot:trace -->";

    public static bool IsBotComment(string? body) =>
        body is not null && body.Contains(Comment, StringComparison.Ordinal);
}
