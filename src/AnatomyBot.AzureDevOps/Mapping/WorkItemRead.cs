using System.Collections.ObjectModel;
using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>What one pass over a work item (<see cref="WorkItemJsonReader"/>) found, and how it becomes the mapped
/// values (the last occurrence of a property wins; diagnostics are raised where a value is used).</summary>
internal sealed class WorkItemRead(int cacheSlots)
{
    /// <summary>Slots of the cache of repeated values for a reader of a whole backlog: enough that its people, area
    /// paths and tag sets rarely collide.</summary>
    public const int BacklogCacheSlots = 2048;

    private const int MaxTagSets = 4096;

    private readonly Dictionary<string, IReadOnlyList<string>> _tagSets = new(StringComparer.Ordinal);
    private IReadOnlyCollection<string>? _keepFields;
    private string[]? _keep;
    private TextSlot[] _kept = [];
    private List<(string Name, TextSlot Value)>? _custom;
    private bool _createdByIsObject;
    private TextSlot _createdBy;
    private TextSlot _uniqueName;
    private TextSlot _displayName;

    public TextSlot Id { get; set; }

    /// <summary>Whether the item's url (its html link, or else <c>url</c>) is read.</summary>
    public bool WithUrl { get; private set; }

    /// <summary>Where the description goes when it is not to be a string.</summary>
    public BodyBuffer? Body { get; private set; }

    /// <summary>Whether a string title that decodes without fail is left undecoded (<see cref="DeferredTitle"/>).</summary>
    public bool DefersStrings { get; private set; }

    /// <summary>The title's string token in the reader's data, when it was left undecoded (<see cref="Title"/> is then
    /// empty).</summary>
    public JsonStringToken? DeferredTitle { get; set; }

    /// <summary>Short values that repeat across items (types, states, area paths, people, relation kinds); kept across
    /// the items this read is used for.</summary>
    public Utf8StringCache Strings { get; } = new(cacheSlots);

    /// <summary><see cref="AzureDevOpsWorkItemMapper.Tags"/> of a tag set, split once per distinct set: a backlog repeats
    /// a few sets across many items (the set itself is one string from <see cref="Strings"/>). Bounded: cleared when full.</summary>
    public IReadOnlyList<string> SplitTags(string? tags)
    {
        if (string.IsNullOrWhiteSpace(tags))
        {
            return [];
        }

        if (!_tagSets.TryGetValue(tags, out var split))
        {
            if (_tagSets.Count == MaxTagSets)
            {
                _tagSets.Clear();
            }

            _tagSets[tags] = split = AzureDevOpsWorkItemMapper.Tags(tags);
        }

        return split;
    }

    /// <summary>The item's diagnostics while it is built (copied out when there are any).</summary>
    public List<string> Diagnostics { get; } = [];

    /// <summary>Starts a new item: everything read before is forgotten (but <see cref="Strings"/>).</summary>
    public void Reset(IReadOnlyCollection<string>? keepFields, BodyBuffer? body, bool withUrl, bool deferStrings = false)
    {
        WithUrl = withUrl;
        DefersStrings = deferStrings;
        if (!ReferenceEquals(keepFields, _keepFields))
        {
            _keepFields = keepFields;
            _keep = keepFields is null ? null : [.. keepFields];
        }

        Body = body;
        Id = Url = HtmlHref = default;
        RelationParent = null;
        HasFields = HasHtmlLink = false;
        ClearFields();
    }

    public bool HasFields { get; set; }

    public TextSlot Title { get; set; }

    public TextSlot Description { get; set; }

    public TextSlot Type { get; set; }

    public TextSlot State { get; set; }

    public TextSlot Tags { get; set; }

    public TextSlot AreaPath { get; set; }

    public TextSlot Parent { get; set; }

    public string? RelationParent { get; set; }

    public bool HasHtmlLink { get; set; }

    public TextSlot HtmlHref { get; set; }

    public TextSlot Url { get; set; }

    /// <summary>A later <c>fields</c> object replaces an earlier one, as the last occurrence wins.</summary>
    public void ClearFields()
    {
        Title = Description = Type = State = Tags = AreaPath = Parent = default;
        DeferredTitle = null;
        Body?.Clear();
        _createdByIsObject = false;
        _createdBy = _uniqueName = _displayName = default;
        if (_keep is not { Length: > 0 })
        {
            _kept = [];
        }
        else if (_kept.Length == _keep.Length)
        {
            Array.Clear(_kept);
        }
        else
        {
            _kept = new TextSlot[_keep.Length];
        }
        _custom = null;
    }

    public void ReadCreatedBy(ref Utf8JsonReader reader)
    {
        _createdByIsObject = reader.TokenType == JsonTokenType.StartObject;
        _uniqueName = _displayName = _createdBy = default;
        if (!_createdByIsObject)
        {
            _createdBy = JsonText.Text(ref reader, Strings);
            return;
        }

        (_uniqueName, _displayName) = JsonText.ReadTwo(ref reader, "uniqueName"u8, "displayName"u8, Strings, Strings);
    }

    /// <summary>Keeps the field at the reader's property name when the policy reads it (or, with no list, when it is
    /// a custom field); false when the field is not kept and its value is still to be skipped.</summary>
    public bool TryKeep(ref Utf8JsonReader reader)
    {
        if (_keep is null)
        {
            var name = reader.GetString()!;
            if (name.StartsWith("System.", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            (_custom ??= []).Add((name, JsonText.Value(ref reader)));
            return true;
        }

        for (var i = 0; i < _keep.Length; i++)
        {
            if (reader.ValueTextEquals(_keep[i]))
            {
                _kept[i] = JsonText.Value(ref reader);
                for (var j = i + 1; j < _keep.Length; j++)
                {
                    if (string.Equals(_keep[j], _keep[i], StringComparison.Ordinal))
                    {
                        _kept[j] = _kept[i];
                    }
                }

                return true;
            }
        }

        return false;
    }

    public IReadOnlyDictionary<string, string> KeptFields(List<string> diagnostics)
    {
        if (_keep is { Length: 0 } || (_keep is null && _custom is null))
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (_keep is null)
        {
            foreach (var (name, value) in _custom ?? [])
            {
                if (value.Take(name, diagnostics) is { } text)
                {
                    kept[name] = text;
                }
            }

            return kept;
        }

        for (var i = 0; i < _keep.Length && i < _kept.Length; i++)
        {
            if (_kept[i].Take(_keep[i], diagnostics) is { } text)
            {
                kept[_keep[i]] = text;
            }
        }

        return kept;
    }

    /// <summary>The creator's unique name (or display name); older payloads carry "Display Name &lt;unique@name&gt;" text.</summary>
    public string? Author(List<string> diagnostics) => _createdByIsObject
        ? _uniqueName.Take("uniqueName", diagnostics) ?? _displayName.Take("displayName", diagnostics)
        : _createdBy.Take("System.CreatedBy", diagnostics);

    public string? HtmlUrl(List<string> diagnostics) => HasHtmlLink
        ? HtmlHref.Take("href", diagnostics)
        : Url.Take("url", diagnostics);
}
