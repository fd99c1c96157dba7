using System.Buffers;

namespace AnatomyBot.Core.Pipeline;

/// <summary>What a name or id taken from a payload or a body must be before it becomes a segment of an API path:
/// <c>^[A-Za-z0-9][A-Za-z0-9._-]*$</c>, at most 100 characters, so never <c>.</c>, <c>..</c>, a slash or an escape.</summary>
public static class PlainName
{
    public const int MaxLength = 100;

    private static readonly SearchValues<char> Characters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>Whether <paramref name="name"/> is a plain name.</summary>
    public static bool Is(string? name) =>
        IsSegment(name) && char.IsAsciiLetterOrDigit(name![0]);

    /// <summary>The same characters, but any first one: a single path segment that is never <c>.</c> or <c>..</c>.</summary>
    public static bool IsSegment(string? name) =>
        name is { Length: > 0 and <= MaxLength } and not "." and not ".." && name.AsSpan().IndexOfAnyExcept(Characters) < 0;
}
