namespace AnatomyBot.Core.Reconcile;

/// <summary>Compares bodies the way platforms hand them back: GitHub and Azure DevOps may return <c>\r\n</c> for the
/// <c>\n</c> the bot sent, and may drop trailing blank lines. Neither difference is worth a write.</summary>
internal static class TextEquality
{
    public static bool SameText(string? a, string? b) =>
        string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);

    public static string Normalise(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();
}
