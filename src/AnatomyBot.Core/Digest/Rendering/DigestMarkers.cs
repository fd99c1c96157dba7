namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>The hidden marker at the top of every weekly digest, so a sink finds its own issue or page again.</summary>
public static class DigestMarkers
{
    public const string Prefix = "<!-- anatomybot:digest week=";

    public static string For(IsoWeek week) => $"{Prefix}{week} -->";

    /// <summary>The week named by the marker in <paramref name="body"/>, if any.</summary>
    public static IsoWeek? FindWeek(string? body)
    {
        if (body is null)
        {
            return null;
        }

        var start = body.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Prefix.Length;
        var end = body.IndexOf(" -->", start, StringComparison.Ordinal);
        return end > start && IsoWeek.TryParse(body[start..end], out var week) ? week : null;
    }
}
