using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Maps one Azure DevOps work item as the REST API returns it (<c>id</c>, <c>fields</c>, <c>relations</c>;
/// from <c>_apis/wit/workitems?$expand=relations</c> or <c>workitemsbatch</c>) to a <see cref="WorkItem"/>. Pure.
/// Reads the item's UTF-8 JSON in one forward pass (no document is built: <c>check</c> maps 100,000 items this way),
/// with the tolerance of <see cref="ItemJson"/>: a value of the wrong type is absent, a duplicate property's last
/// occurrence wins, text that is not UTF-8 is a diagnostic.</summary>
public static class AzureDevOpsWorkItemMapper
{
    private const string ParentLink = "System.LinkTypes.Hierarchy-Reverse";

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>States that end an item's life (across the Agile, Scrum, CMMI and Basic processes): such items are not open.</summary>
    public static IReadOnlyList<string> ClosedStates { get; } = ["Closed", "Done", "Removed", "Resolved", "Completed"];

    /// <summary>The work-item types <see cref="KindOf"/> places as epic, feature or story (the items that carry gap tags).</summary>
    public static IReadOnlyList<string> BacklogTypes { get; } = ["Epic", "Feature", "User Story", "Product Backlog Item", "Requirement"];

    private static readonly HashSet<string> DoneStates = new(ClosedStates, StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps <paramref name="json"/>. <paramref name="keepFields"/> names the extra fields to carry into
    /// <see cref="WorkItem.Fields"/> (the policy's reference fields); null keeps every custom (non-<c>System.</c>) field.</summary>
    public static WorkItemMapResult Map(JsonElement json, IReadOnlyCollection<string>? keepFields = null) =>
        json.ValueKind == JsonValueKind.Undefined
            ? WorkItemMapResult.Failure(null, "expected a work item object, found undefined")
            : Map(JsonMarshal.GetRawUtf8Value(json), keepFields);

    /// <summary>Maps one work item from its UTF-8 JSON text; see <see cref="Map(JsonElement, IReadOnlyCollection{string})"/>.
    /// Text that is not JSON is a failure, never an exception. With <paramref name="body"/>, the description is written
    /// there instead of into <see cref="WorkItem.Body"/> (which stays empty): no string per description.</summary>
    public static WorkItemMapResult Map(ReadOnlySpan<byte> utf8Json, IReadOnlyCollection<string>? keepFields = null, BodyBuffer? body = null)
    {
        body?.Clear();
        var read = new ReadItem(keepFields, body);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return WorkItemMapResult.Failure(null, $"expected a work item object, found {KindName(reader.TokenType)}");
            }

            ReadItemObject(ref reader, read);
        }
        catch (JsonException ex)
        {
            return WorkItemMapResult.Failure(null, $"the work item is not valid JSON: {ex.Message}");
        }

        return Build(read);
    }

    /// <summary>Epic → epic; Feature → feature; User Story, Product Backlog Item, Requirement → story; else other.</summary>
    public static ItemKind KindOf(string? workItemType) => workItemType?.Trim().ToUpperInvariant() switch
    {
        "EPIC" => ItemKind.Epic,
        "FEATURE" => ItemKind.Feature,
        "USER STORY" or "PRODUCT BACKLOG ITEM" or "REQUIREMENT" => ItemKind.Story,
        _ => ItemKind.Other,
    };

    /// <summary>Splits <c>System.Tags</c> (<c>"a; b;c"</c>) into trimmed tags.</summary>
    public static IReadOnlyList<string> Tags(string? tags) =>
        string.IsNullOrWhiteSpace(tags) ? [] : tags.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static WorkItemMapResult Build(ReadItem read)
    {
        var diagnostics = new List<string>();
        var id = read.Id.Take("id", diagnostics);
        if (string.IsNullOrEmpty(id))
        {
            return WorkItemMapResult.Failure(null, "the work item has no `id`");
        }

        if (!read.HasFields)
        {
            return WorkItemMapResult.Failure(id, $"work item {id} has no `fields` object; it was not evaluated");
        }

        var type = read.Type.Take("System.WorkItemType", diagnostics);
        var state = read.State.Take("System.State", diagnostics);
        var item = new WorkItem
        {
            Id = id,
            Source = ItemSource.AzureDevOps,
            Kind = KindOf(type),
            Title = ItemJson.Title(read.Title.Take("System.Title", diagnostics), diagnostics),
            Body = read.Description.Take("System.Description", diagnostics) ?? "",
            BodyFormat = BodyFormat.Html,
            Labels = Tags(read.Tags.Take("System.Tags", diagnostics)),
            Fields = read.KeptFields(diagnostics),
            ParentId = read.RelationParent ?? read.Parent.Take("System.Parent", diagnostics),
            Author = read.Author(diagnostics),
            Scope = read.AreaPath.Take("System.AreaPath", diagnostics),
            Url = read.HtmlUrl(diagnostics),
            State = state,
            IsOpen = state is null || !DoneStates.Contains(state),
        };
        return WorkItemMapResult.Success(diagnostics.Count == 0 ? item : item with { Diagnostics = diagnostics });
    }

    private static void ReadItemObject(ref Utf8JsonReader reader, ReadItem read)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                read.Id = Value(ref reader);
            }
            else if (reader.ValueTextEquals("fields"u8))
            {
                reader.Read();
                read.HasFields = reader.TokenType == JsonTokenType.StartObject;
                read.ClearFields();
                if (read.HasFields)
                {
                    ReadFields(ref reader, read);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("relations"u8))
            {
                reader.Read();
                read.RelationParent = reader.TokenType == JsonTokenType.StartArray ? ReadRelations(ref reader) : SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("_links"u8))
            {
                reader.Read();
                ReadLinks(ref reader, read);
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                read.Url = Value(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadFields(ref Utf8JsonReader reader, ReadItem read)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("System.Title"u8))
            {
                read.Title = Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.Description"u8))
            {
                read.Description = read.Body is { } body ? Buffered(ref reader, body) : Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.WorkItemType"u8))
            {
                read.Type = Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.State"u8))
            {
                read.State = Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.Tags"u8))
            {
                read.Tags = Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.AreaPath"u8))
            {
                read.AreaPath = Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.Parent"u8))
            {
                read.Parent = Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.CreatedBy"u8))
            {
                reader.Read();
                read.ReadCreatedBy(ref reader);
            }
            else if (!read.TryKeep(ref reader))
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>The id of the first parent relation (<c>System.LinkTypes.Hierarchy-Reverse</c>), from the trailing number
    /// of its url; the reader ends on the array's end.</summary>
    private static string? ReadRelations(ref Utf8JsonReader reader)
    {
        string? parent = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var (rel, url) = ReadTwo(ref reader, "rel"u8, "url"u8);

            if (parent is null && string.Equals(rel.Text, ParentLink, StringComparison.OrdinalIgnoreCase))
            {
                parent = ItemJson.TrailingNumber(url.Text) ?? "";
            }
        }

        return string.IsNullOrEmpty(parent) ? null : parent;
    }

    private static void ReadLinks(ref Utf8JsonReader reader, ReadItem read)
    {
        read.HasHtmlLink = false;
        read.HtmlHref = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("html"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            read.HasHtmlLink = reader.TokenType == JsonTokenType.StartObject;
            read.HtmlHref = default;
            if (!read.HasHtmlLink)
            {
                reader.Skip();
                continue;
            }

            read.HtmlHref = ReadTwo(ref reader, "href"u8, default).First;
        }
    }

    /// <summary>Reads two text properties of the object the reader is at (the last occurrence of each wins), skipping
    /// the others; the reader ends on the object's end.</summary>
    private static (Slot First, Slot Second) ReadTwo(ref Utf8JsonReader reader, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        Slot a = default, b = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(first))
            {
                a = Value(ref reader);
            }
            else if (!second.IsEmpty && reader.ValueTextEquals(second))
            {
                b = Value(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (a, b);
    }

    /// <summary>Reads the value after a property name as text (<see cref="ItemJson.AsText"/>'s rules); objects and arrays
    /// are skipped and read as absent.</summary>
    private static Slot Value(ref Utf8JsonReader reader)
    {
        reader.Read();
        return Text(ref reader);
    }

    private static Slot Text(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return new Slot(reader.GetString(), false);
                }
                catch (InvalidOperationException)
                {
                    return new Slot(null, true);
                }

            case JsonTokenType.Number:
                return new Slot(Encoding.UTF8.GetString(reader.ValueSpan), false);
            case JsonTokenType.True:
                return new Slot("true", false);
            case JsonTokenType.False:
                return new Slot("false", false);
            default:
                reader.Skip();
                return default;
        }
    }

    /// <summary>Reads the value after a property name into <paramref name="body"/> (text as <see cref="Value"/> reads it).</summary>
    private static Slot Buffered(ref Utf8JsonReader reader, BodyBuffer body)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            var slot = Text(ref reader);
            var text = slot.Text ?? "";
            text.CopyTo(body.Reserve(text.Length));
            body.Commit(text.Length);
            return slot with { Text = null };
        }

        var room = body.Reserve(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
        try
        {
            body.Commit(reader.CopyString(room));
            return default;
        }
        catch (InvalidOperationException)
        {
            body.Clear();
            return new Slot(null, true);
        }
    }

    private static string? SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static string KindName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>One value read as text: the text, or the fact that it was a string that is not UTF-8.</summary>
    private readonly record struct Slot(string? Text, bool NotUtf8)
    {
        /// <summary>The text; a diagnostic naming <paramref name="what"/> when it was not UTF-8 (reported where the
        /// value is used, so diagnostics come in the same order whatever the order of the properties).</summary>
        public string? Take(string what, List<string> diagnostics)
        {
            if (NotUtf8)
            {
                diagnostics.Add($"`{what}` is not valid UTF-8 text and was ignored");
            }

            return Text;
        }
    }

    /// <summary>What one pass over the item found.</summary>
    private sealed class ReadItem(IReadOnlyCollection<string>? keepFields, BodyBuffer? body)
    {
        private readonly string[]? _keep = keepFields is null ? null : [.. keepFields];
        private Slot[] _kept = [];
        private List<(string Name, Slot Value)>? _custom;
        private bool _createdByIsObject;
        private Slot _createdBy;
        private Slot _uniqueName;
        private Slot _displayName;

        public Slot Id { get; set; }

        /// <summary>Where the description goes when it is not to be a string.</summary>
        public BodyBuffer? Body { get; } = body;

        public bool HasFields { get; set; }

        public Slot Title { get; set; }

        public Slot Description { get; set; }

        public Slot Type { get; set; }

        public Slot State { get; set; }

        public Slot Tags { get; set; }

        public Slot AreaPath { get; set; }

        public Slot Parent { get; set; }

        public string? RelationParent { get; set; }

        public bool HasHtmlLink { get; set; }

        public Slot HtmlHref { get; set; }

        public Slot Url { get; set; }

        /// <summary>A later <c>fields</c> object replaces an earlier one, as the last occurrence wins.</summary>
        public void ClearFields()
        {
            Title = Description = Type = State = Tags = AreaPath = Parent = default;
            Body?.Clear();
            _createdByIsObject = false;
            _createdBy = _uniqueName = _displayName = default;
            _kept = _keep is { Length: > 0 } ? new Slot[_keep.Length] : [];
            _custom = null;
        }

        public void ReadCreatedBy(ref Utf8JsonReader reader)
        {
            _createdByIsObject = reader.TokenType == JsonTokenType.StartObject;
            _uniqueName = _displayName = _createdBy = default;
            if (!_createdByIsObject)
            {
                _createdBy = Text(ref reader);
                return;
            }

            (_uniqueName, _displayName) = ReadTwo(ref reader, "uniqueName"u8, "displayName"u8);
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

                (_custom ??= []).Add((name, Value(ref reader)));
                return true;
            }

            for (var i = 0; i < _keep.Length; i++)
            {
                if (reader.ValueTextEquals(_keep[i]))
                {
                    _kept[i] = Value(ref reader);
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
}
