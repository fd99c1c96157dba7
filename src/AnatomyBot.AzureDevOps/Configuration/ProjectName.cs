using System.Buffers;

namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>What a configured project must be: a plain name (<see cref="Core.Pipeline.PlainName"/>: letters, digits,
/// <c>.</c>, <c>_</c>, <c>-</c>, beginning with a letter or digit; a project id is one) in which spaces may stand between
/// words, as Azure DevOps project names often have them; at most 64 characters, ending with neither a dot nor a space.</summary>
public static class ProjectName
{
    public const int MaxLength = 64;

    public const string Rule = "letters, digits, '.', '_', '-' and spaces between words, beginning with a letter or digit, ending with neither '.' nor a space, at most 64 characters";

    private static readonly SearchValues<char> Characters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._- ");

    public static bool Is(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && char.IsAsciiLetterOrDigit(name[0])
        && name[^1] is not '.' and not ' '
        && name.AsSpan().IndexOfAnyExcept(Characters) < 0;

    /// <summary>A configured name as an error message may show it: printable ASCII only, at most 64 characters.</summary>
    public static string Shown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var printable = new string([.. name.Take(MaxLength).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return name.Length > MaxLength ? printable + "…" : printable;
    }
}
