using AnatomyBot.AzureDevOps.Mapping;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The description of a work item read in place (<see cref="InPlaceReading"/>): its text, or, when the reading
/// thread left it undecoded, its JSON string token (quotes included) for a worker to decode with
/// <see cref="JsonStringToken.Decode"/>, so that transcoding the largest value of each item is off the reading thread.</summary>
internal readonly ref struct InPlaceBody
{
    private InPlaceBody(ReadOnlySpan<char> text, ReadOnlySpan<byte> token, bool isEscaped)
    {
        Text = text;
        Token = token;
        IsEscaped = isEscaped;
    }

    /// <summary>The text, when <see cref="Token"/> is empty.</summary>
    public ReadOnlySpan<char> Text { get; }

    /// <summary>The undecoded string token, or empty (a token has its two quotes at least).</summary>
    public ReadOnlySpan<byte> Token { get; }

    /// <summary>Whether <see cref="Token"/> holds escapes.</summary>
    public bool IsEscaped { get; }

    public static InPlaceBody Decoded(ReadOnlySpan<char> text) => new(text, [], false);

    public static InPlaceBody Undecoded(ReadOnlySpan<byte> token, bool isEscaped) => new([], token, isEscaped);
}
