namespace AnatomyBot.Core.Linkage.Text;

/// <summary>A filled GitHub issue form writes each field as a level-3 heading (its label), a blank line and the value,
/// with <c>_No response_</c> when nothing was chosen. A heading that is a reference keyword (<c>Outcomes</c>,
/// <c>Stage</c>, <c>Components</c>, <c>Parent</c>…), optionally followed by a parenthesised note
/// (<c>Stages (Customer onboarding)</c>), makes the next paragraph read like a <c>Keyword:</c> line.</summary>
internal static class FormFieldHeading
{
    /// <summary>The heading level issue forms write.</summary>
    public const int Level = 3;

    /// <summary>What GitHub writes for a field left empty (emphasis already removed).</summary>
    public const string NoResponse = "No response";

    private static readonly string[] Keywords = ["outcomes", "outcome", "stages", "stage", "logic", "components", "component", "parent"];

    /// <summary>The line prefix (<c>outcomes: </c>) for a heading text, or null when the heading is not a field label.</summary>
    public static string? Prefix(ReadOnlySpan<char> heading)
    {
        heading = heading.Trim();
        foreach (var keyword in Keywords)
        {
            if (!heading.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = heading[keyword.Length..];
            var note = rest.TrimStart();
            if (rest.IsEmpty || (note.Length < rest.Length && note.Length >= 2 && note[0] == '(' && note[^1] == ')'))
            {
                return keyword + ": ";
            }
        }

        return null;
    }

    /// <summary>Whether the keyword at <paramref name="at"/> starts a level-3 ATX heading line (<c>### Outcomes</c>, up to
    /// three spaces of indent). Looks back over a bounded number of characters only.</summary>
    public static bool StartsHeading(ReadOnlySpan<char> text, int at)
    {
        var i = at - 1;
        var blanks = 0;
        while (i >= 0 && text[i] is ' ' or '\t' && blanks <= 8)
        {
            i--;
            blanks++;
        }

        var hashes = 0;
        while (i >= 0 && text[i] == '#' && hashes <= Level)
        {
            i--;
            hashes++;
        }

        if (blanks == 0 || hashes != Level)
        {
            return false;
        }

        var indent = 0;
        while (i >= 0 && text[i] == ' ' && indent <= 3)
        {
            i--;
            indent++;
        }

        return indent <= 3 && (i < 0 || text[i] is '\n' or '\r');
    }
}
