using System.Text.Json;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>The one forward pass of <see cref="AzureDevOpsWorkItemMapper"/> over a work item's JSON: the properties it
/// maps land in a <see cref="WorkItemRead"/>, the rest is skipped. Values are skipped with
/// <see cref="Utf8JsonReader.TrySkip"/>, so that a reader over part of a larger document may run out of data inside the
/// item without throwing: it then does not end on the item's end, which its caller checks
/// (<see cref="AzureDevOpsItemReader.TryReadInPlace"/>).</summary>
internal static class WorkItemJsonReader
{
    private const string ParentLink = "System.LinkTypes.Hierarchy-Reverse";

    /// <summary>Reads the work item object the reader is at, to its end.</summary>
    public static void Read(ref Utf8JsonReader reader, WorkItemRead read)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                read.Id = JsonText.Value(ref reader);
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
                    _ = reader.TrySkip();
                }
            }
            else if (reader.ValueTextEquals("relations"u8))
            {
                reader.Read();
                read.RelationParent = reader.TokenType == JsonTokenType.StartArray ? ReadRelations(ref reader, read.Strings) : JsonText.SkipValue(ref reader);
            }
            else if (!read.WithUrl && (reader.ValueTextEquals("_links"u8) || reader.ValueTextEquals("url"u8)))
            {
                reader.Read();
                _ = reader.TrySkip();
            }
            else if (reader.ValueTextEquals("_links"u8))
            {
                reader.Read();
                ReadLinks(ref reader, read);
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                read.Url = JsonText.Value(ref reader);
            }
            else
            {
                reader.Read();
                _ = reader.TrySkip();
            }
        }
    }

    private static void ReadFields(ref Utf8JsonReader reader, WorkItemRead read)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (FieldOf(ref reader))
            {
                case Field.Title:
                    reader.Read();
                    // No longer than a title is kept, so that the draft's title needs no cut and no diagnostic.
                    read.DeferredTitle = read.DefersStrings ? JsonText.Deferrable(ref reader, ItemJson.MaxTitleLength) : null;
                    read.Title = read.DeferredTitle is null ? JsonText.Text(ref reader) : default;
                    break;
                case Field.Description:
                    read.Description = read.Body is { } body ? JsonText.Buffered(ref reader, body) : JsonText.Value(ref reader);
                    break;
                case Field.WorkItemType:
                    read.Type = JsonText.Value(ref reader, read.Strings);
                    break;
                case Field.State:
                    read.State = JsonText.Value(ref reader, read.Strings);
                    break;
                case Field.Tags:
                    read.Tags = JsonText.Value(ref reader, read.Strings);
                    break;
                case Field.AreaPath:
                    read.AreaPath = JsonText.Value(ref reader, read.Strings);
                    break;
                case Field.Parent:
                    // Cached: the relation to the parent names the same id, and siblings share it.
                    read.Parent = JsonText.Value(ref reader, read.Strings);
                    break;
                case Field.CreatedBy:
                    reader.Read();
                    read.ReadCreatedBy(ref reader);
                    break;
                default:
                    if (!read.TryKeep(ref reader))
                    {
                        reader.Read();
                        _ = reader.TrySkip();
                    }

                    break;
            }
        }
    }

    /// <summary>Which of the mapped fields the reader's property name is. A plain name (nearly all) is told by its
    /// <c>System.</c> prefix and the letter after it, then compared once, instead of being compared with every field's
    /// name in turn (an item has a dozen fields or more, most of them not mapped).</summary>
    private static Field FieldOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return FieldOfEscaped(ref reader);
        }

        var name = reader.ValueSpan;
        if (name.Length < 8 || !name.StartsWith("System."u8))
        {
            return Field.Other;
        }

        var field = name[7] switch
        {
            (byte)'T' => name.Length == 11 ? Field.Tags : Field.Title,
            (byte)'D' => Field.Description,
            (byte)'W' => Field.WorkItemType,
            (byte)'S' => Field.State,
            (byte)'A' => Field.AreaPath,
            (byte)'P' => Field.Parent,
            (byte)'C' => Field.CreatedBy,
            _ => Field.Other,
        };
        return field != Field.Other && name.SequenceEqual(NameOf(field)) ? field : Field.Other;
    }

    private static Field FieldOfEscaped(ref Utf8JsonReader reader)
    {
        for (var field = Field.Title; field <= Field.CreatedBy; field++)
        {
            if (reader.ValueTextEquals(NameOf(field)))
            {
                return field;
            }
        }

        return Field.Other;
    }

    private static ReadOnlySpan<byte> NameOf(Field field) => field switch
    {
        Field.Title => "System.Title"u8,
        Field.Description => "System.Description"u8,
        Field.WorkItemType => "System.WorkItemType"u8,
        Field.State => "System.State"u8,
        Field.Tags => "System.Tags"u8,
        Field.AreaPath => "System.AreaPath"u8,
        Field.Parent => "System.Parent"u8,
        Field.CreatedBy => "System.CreatedBy"u8,
        _ => default,
    };

    /// <summary>The id of the first parent relation (<c>System.LinkTypes.Hierarchy-Reverse</c>), from the trailing number
    /// of its url; the reader ends on the array's end. Only that number is ever made a string: an epic's many child and
    /// related links cost no strings.</summary>
    private static string? ReadRelations(ref Utf8JsonReader reader, Utf8StringCache cache)
    {
        string? parent = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                _ = reader.TrySkip();
                continue;
            }

            TextSlot rel = default;
            string? number = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("rel"u8))
                {
                    rel = JsonText.Value(ref reader, cache);
                }
                else if (reader.ValueTextEquals("url"u8))
                {
                    reader.Read();
                    number = TrailingNumber(ref reader, cache);
                }
                else
                {
                    reader.Read();
                    _ = reader.TrySkip();
                }
            }

            if (parent is null && string.Equals(rel.Text, ParentLink, StringComparison.OrdinalIgnoreCase))
            {
                parent = number ?? "";
            }
        }

        return string.IsNullOrEmpty(parent) ? null : parent;
    }

    /// <summary><see cref="ItemJson.TrailingNumber"/> of the value the reader is at, read as text (<see cref="JsonText"/>'s
    /// rules), without making the url a string.</summary>
    private static string? TrailingNumber(ref Utf8JsonReader reader, Utf8StringCache cache)
    {
        if (reader.TokenType == JsonTokenType.String && (reader.ValueIsEscaped || reader.HasValueSequence))
        {
            return ItemJson.TrailingNumber(JsonText.Text(ref reader).Text);
        }

        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            _ = reader.TrySkip();
            return null;
        }

        var value = reader.ValueSpan.TrimEnd((byte)'/');
        var last = value[(value.LastIndexOf((byte)'/') + 1)..];
        return last.Length > 0 && !last.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && System.Buffers.Text.Utf8Parser.TryParse(last, out long _, out var consumed) && consumed == last.Length
            ? cache.Get(last)
            : null;
    }

    private static void ReadLinks(ref Utf8JsonReader reader, WorkItemRead read)
    {
        read.HasHtmlLink = false;
        read.HtmlHref = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            _ = reader.TrySkip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("html"u8))
            {
                reader.Read();
                _ = reader.TrySkip();
                continue;
            }

            reader.Read();
            read.HasHtmlLink = reader.TokenType == JsonTokenType.StartObject;
            read.HtmlHref = default;
            if (!read.HasHtmlLink)
            {
                _ = reader.TrySkip();
                continue;
            }

            read.HtmlHref = JsonText.ReadTwo(ref reader, "href"u8, default).First;
        }
    }

    private enum Field
    {
        Other,
        Title,
        Description,
        WorkItemType,
        State,
        Tags,
        AreaPath,
        Parent,
        CreatedBy,
    }
}
