using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Tests.Linkage.Text;

internal static class TextLinesExtensions
{
    /// <summary>The lines as strings, to compare them.</summary>
    public static List<string> ToStrings(this TextLines lines)
    {
        var strings = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            strings.Add(lines[i].ToString());
        }

        return strings;
    }
}
