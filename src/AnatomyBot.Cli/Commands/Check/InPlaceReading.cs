using System.Text.Json;
using System.Text.Unicode;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Azure DevOps work items read on the reading thread in the file's own <see cref="Utf8JsonReader"/> pass, the
/// one that finds where each item ends, instead of cutting the item out and tokenising it again on a worker: the worker
/// gets a draft and its description, and decodes the description and the title itself when decoding them cannot fail
/// (<see cref="InPlaceText"/>). Tried while at most as many entries of the file needed the usual way (an entry
/// that is not a work item, not valid UTF-8, or invalid JSON) as were read here, so a GitHub backlog is not read
/// twice.</summary>
internal sealed class InPlaceReading(AzureDevOpsItemReader reader, bool withUrls)
{
    private int _read;
    private int _declined;

    /// <summary>Reads the entry <paramref name="json"/> is at into <paramref name="draft"/> and <paramref name="text"/>
    /// (valid until the next read), the reader then on its end; false with the reader where it was.
    /// <paramref name="window"/> is the reader's data (the entry's bytes are checked to be UTF-8, so an undecoded
    /// description or title decodes without fail); <paramref name="spare"/>, when given, a draft no longer used, which the reader
    /// fills next instead of a new one.</summary>
    public bool TryRead(ref Utf8JsonReader json, ReadOnlySpan<byte> window, WorkItemDraft? spare, out WorkItemDraft? draft, out InPlaceText text)
    {
        draft = null;
        text = default;
        if (_declined > _read)
        {
            return false;
        }

        var checkpoint = json;
        var start = (int)json.TokenStartIndex;
        if (!reader.TryReadInPlace(ref json, withUrls, deferBody: true) || !Utf8.IsValid(window[start..(int)json.BytesConsumed]))
        {
            json = checkpoint;
            return false;
        }

        _read++;
        draft = reader.TakeDraft(spare);
        var body = reader.DeferredBody;
        var title = reader.DeferredTitle;
        text = new InPlaceText(
            body is null ? reader.Body : [],
            body is { } b ? window.Slice(b.Start, b.Length) : [],
            body?.IsEscaped == true,
            title is { } t ? window.Slice(t.Start, t.Length) : [],
            title?.IsEscaped == true);
        return true;
    }

    /// <summary>Notes an entry that came the usual way (read whole, not only cut short by the end of the window).</summary>
    public void Declined() => _declined++;
}
