using AnatomyBot.AzureDevOps.Mapping;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The text of a work item read in place (<see cref="InPlaceReading"/>) that the reading thread may leave to a
/// worker: the description, as its text or as its undecoded JSON string token (quotes included, for
/// <see cref="JsonStringToken.Decode"/>), and the title's token when the title was left undecoded too (else the draft
/// has it), so that transcoding each item's longest values is off the reading thread.</summary>
internal readonly ref struct InPlaceText
{
    public InPlaceText(ReadOnlySpan<char> body, ReadOnlySpan<byte> bodyToken, bool bodyIsEscaped, ReadOnlySpan<byte> titleToken, bool titleIsEscaped)
    {
        Body = body;
        BodyToken = bodyToken;
        BodyIsEscaped = bodyIsEscaped;
        TitleToken = titleToken;
        TitleIsEscaped = titleIsEscaped;
    }

    /// <summary>The description, when <see cref="BodyToken"/> is empty.</summary>
    public ReadOnlySpan<char> Body { get; }

    /// <summary>The description's undecoded string token, or empty (a token has its two quotes at least).</summary>
    public ReadOnlySpan<byte> BodyToken { get; }

    public bool BodyIsEscaped { get; }

    /// <summary>The title's undecoded string token, or empty when the draft holds the title.</summary>
    public ReadOnlySpan<byte> TitleToken { get; }

    public bool TitleIsEscaped { get; }
}
