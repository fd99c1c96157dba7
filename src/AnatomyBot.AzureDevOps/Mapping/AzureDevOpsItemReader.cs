using System.Text.Json;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Reads Azure DevOps work items one after another, as <see cref="AzureDevOpsWorkItemMapper"/> maps them,
/// reusing its buffers and its cache of the values that repeat across a backlog (types, states, area paths, people).
/// <see cref="TryRead"/> fills one <see cref="Draft"/> and one description buffer: a reader of a whole backlog then makes
/// no work item and no description string per item. One per worker, one item at a time.</summary>
public sealed class AzureDevOpsItemReader
{
    /// <summary>Items are read without comments first (the platforms never write any, and the reader is about 10% faster
    /// without looking for them); an item that fails is read again with <see cref="TolerantOptions"/>.</summary>
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private static readonly JsonReaderOptions TolerantOptions = ReaderOptions with { CommentHandling = JsonCommentHandling.Skip };

    private static readonly HashSet<string> DoneStates = new(AzureDevOpsWorkItemMapper.ClosedStates, StringComparer.OrdinalIgnoreCase);

    private readonly IReadOnlyCollection<string>? _keepFields;
    private readonly WorkItemRead _read;
    private BodyBuffer? _body;

    /// <summary>A reader with a cache large enough for a whole backlog's repeated values.</summary>
    /// <param name="keepFields">The extra fields to carry into <see cref="WorkItem.Fields"/> (the policy's reference
    /// fields); null keeps every custom (non-<c>System.</c>) field.</param>
    public AzureDevOpsItemReader(IReadOnlyCollection<string>? keepFields)
        : this(keepFields, WorkItemRead.BacklogCacheSlots)
    {
    }

    /// <param name="keepFields">As for the public constructor.</param>
    /// <param name="cacheSlots">The size of the cache of repeated values (a power of two).</param>
    internal AzureDevOpsItemReader(IReadOnlyCollection<string>? keepFields, int cacheSlots)
    {
        _keepFields = keepFields;
        _read = new WorkItemRead(cacheSlots);
    }

    /// <summary>The item last read by <see cref="TryRead"/>, refilled by the next (a new one after <see cref="TakeDraft"/>).</summary>
    public WorkItemDraft Draft { get; private set; } = new();

    /// <summary>The description (HTML) of the item last read by <see cref="TryRead"/>, valid until the next.</summary>
    public ReadOnlySpan<char> Body => _body is null ? [] : _body.Text;

    /// <summary>The description of the item last read in place with <c>deferBody</c>, when it was left undecoded: its
    /// string token in the reader's data, which <see cref="JsonStringToken.Decode"/> turns into the text (then
    /// <see cref="Body"/> is empty); null when <see cref="Body"/> holds the description.</summary>
    public JsonStringToken? DeferredBody => _body?.Deferred;

    /// <summary>The title of the item last read in place with <c>deferBody</c>, when it was left undecoded (a string
    /// that decodes without fail, short enough to need no cut): its string token in the reader's data, which
    /// <see cref="JsonStringToken.ToText"/> turns into the title (<see cref="Draft"/>'s is then empty); else null.</summary>
    public JsonStringToken? DeferredTitle => _read.DeferredTitle;

    /// <summary>Reads one work item's UTF-8 JSON into <see cref="Draft"/> and <see cref="Body"/>, its web link only
    /// when <paramref name="withUrl"/> (a report that shows links); false with the failure, the draft then undefined.</summary>
    public bool TryRead(ReadOnlySpan<byte> utf8Json, out WorkItemMapResult failure, bool withUrl = false)
    {
        var body = _body ??= new BodyBuffer();
        body.DefersStrings = false;
        return Read(utf8Json, body, withUrl, out failure, out _);
    }

    /// <summary>Reads the work item <paramref name="reader"/> is at (on its <c>{</c>) in the reader's own pass over a larger
    /// document, into <see cref="Draft"/> and <see cref="Body"/> as <see cref="TryRead"/> does, so that the document is
    /// tokenised once. True with the reader on the item's <c>}</c>; false when the reader's data ends inside the item, the
    /// JSON is invalid, or the item is not a work item this reader maps: the caller then puts the reader back where it was
    /// and reads the item the usual way (which reports what is wrong). The reader's options apply (comments as it treats
    /// them). With <paramref name="deferBody"/>, a string description or title that decodes without fail is left
    /// undecoded (<see cref="DeferredBody"/>, <see cref="DeferredTitle"/>), for the caller to decode elsewhere once it has
    /// checked the item's bytes are UTF-8.</summary>
    public bool TryReadInPlace(ref Utf8JsonReader reader, bool withUrl = false, bool deferBody = false)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var depth = reader.CurrentDepth;
        var body = _body ??= new BodyBuffer();
        body.DefersStrings = deferBody;
        body.Clear();
        _read.Reset(_keepFields, body, withUrl, deferBody);
        try
        {
            WorkItemJsonReader.Read(ref reader, _read);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }

        return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth && Fill(out _, out _);
    }

    /// <summary>The draft last read, for the caller to keep: the next read fills <paramref name="next"/> (a draft the
    /// caller no longer uses; every value is read anew) or a new one.</summary>
    public WorkItemDraft TakeDraft(WorkItemDraft? next = null)
    {
        var draft = Draft;
        Draft = next ?? new WorkItemDraft();
        return draft;
    }

    /// <summary>Maps one work item from its UTF-8 JSON text, as
    /// <see cref="AzureDevOpsWorkItemMapper.Map(ReadOnlySpan{byte}, IReadOnlyCollection{string}, bool)"/>.</summary>
    public WorkItemMapResult Map(ReadOnlySpan<byte> utf8Json, bool withUrl = true) =>
        Read(utf8Json, body: null, withUrl, out var failure, out var rest)
            ? WorkItemMapResult.Success(Draft.ToWorkItem(rest.Body, rest.Url, rest.State))
            : failure;

    /// <summary>Reads one item into <see cref="Draft"/>, the description into <paramref name="body"/> when given;
    /// <paramref name="rest"/> holds what a draft has no room for.</summary>
    private bool Read(ReadOnlySpan<byte> utf8Json, BodyBuffer? body, bool withUrl, out WorkItemMapResult failure,
        out (string Body, string? Url, string? State) rest)
    {
        if (ReadJson(utf8Json, ReaderOptions, body, withUrl) is not null
            && ReadJson(utf8Json, TolerantOptions, body, withUrl) is { } error)
        {
            rest = default;
            failure = WorkItemMapResult.Failure(null, error);
            return false;
        }

        return Fill(out failure, out rest);
    }

    /// <summary>Fills <see cref="Draft"/> from what the last pass read; false with the failure when it is not a work item.</summary>
    private bool Fill(out WorkItemMapResult failure, out (string Body, string? Url, string? State) rest)
    {
        rest = default;
        var read = _read;
        var draft = Draft;
        var diagnostics = read.Diagnostics;
        diagnostics.Clear();
        var id = read.Id.Take("id", diagnostics);
        if (string.IsNullOrEmpty(id))
        {
            failure = WorkItemMapResult.Failure(null, "the work item has no `id`");
            return false;
        }

        if (!read.HasFields)
        {
            failure = WorkItemMapResult.Failure(id, $"work item {id} has no `fields` object; it was not evaluated");
            return false;
        }

        // In this order: the reads add to the diagnostics.
        var type = read.Type.Take("System.WorkItemType", diagnostics);
        var state = read.State.Take("System.State", diagnostics);
        draft.Id = id;
        draft.Source = ItemSource.AzureDevOps;
        draft.Kind = AzureDevOpsWorkItemMapper.KindOf(type);
        draft.Title = ItemJson.Title(read.Title.Take("System.Title", diagnostics), diagnostics);
        var description = read.Description.Take("System.Description", diagnostics) ?? "";
        draft.BodyFormat = BodyFormat.Html;
        draft.Labels = read.SplitTags(read.Tags.Take("System.Tags", diagnostics));
        draft.Fields = read.KeptFields(diagnostics);
        draft.ParentId = read.RelationParent ?? read.Parent.Take("System.Parent", diagnostics);
        draft.LinkedItemIds = [];
        draft.ChangedPaths = [];
        draft.Author = read.Author(diagnostics);
        draft.Scope = read.AreaPath.Take("System.AreaPath", diagnostics);
        var url = read.HasHtmlLink ? read.HtmlUrl(diagnostics) : WorkItemWebLink.From(read.HtmlUrl(diagnostics), id, draft.Scope);
        draft.Url = url;
        draft.IsOpen = state is null || !DoneStates.Contains(state);
        draft.Diagnostics = diagnostics.Count == 0 ? [] : [.. diagnostics];
        rest = (description, url, state);
        failure = default;
        return true;
    }

    /// <summary>Reads the item's JSON into the reading state (reset first); the failure, or null.</summary>
    private string? ReadJson(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options, BodyBuffer? body, bool withUrl)
    {
        body?.Clear();
        _read.Reset(_keepFields, body, withUrl);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"expected a work item object, found {JsonText.KindName(reader.TokenType)}";
            }

            WorkItemJsonReader.Read(ref reader, _read);
            return null;
        }
        catch (JsonException ex)
        {
            return $"the work item is not valid JSON: {ex.Message}";
        }
    }
}
