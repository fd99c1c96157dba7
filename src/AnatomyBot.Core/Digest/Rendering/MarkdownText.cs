using System.Globalization;

using Escaping = AnatomyBot.Core.Reconcile.MarkdownText;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Formatting for the digest. Text that users wrote (titles, names) is escaped by the same code as the PR
/// comment, so the digest defuses mentions and item references exactly as the comment does.</summary>
internal static class MarkdownText
{
    private const int MaxText = 1024;

    /// <summary>Inline text rendered as that text: no Markdown, HTML, mentions or item references; one line.</summary>
    public static string Escape(string? text) => Escaping.Escape(text, MaxText);

    /// <summary>A code span for ids and codes, or escaped text when a span cannot hold it safely.</summary>
    public static string Code(string? text) => Escaping.Code(text);

    /// <summary>A link when there is an absolute http(s) URL, else the escaped text.</summary>
    public static string Link(string text, string? url) => Escaping.Link(text, url);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Points(double points) => points switch
    {
        > 0 => "▲ +" + points.ToString("0.#", CultureInfo.InvariantCulture) + " pts",
        < 0 => "▼ −" + (-points).ToString("0.#", CultureInfo.InvariantCulture) + " pts",
        _ => "no change",
    };
}
