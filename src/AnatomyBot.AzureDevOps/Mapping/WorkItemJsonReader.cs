using System.Text.Json;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>The one forward pass of <see cref="AzureDevOpsWorkItemMapper"/> over a work item's JSON: the properties it
/// maps land in a <see cref="WorkItemRead"/>, the rest is skipped.</summary>
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
                    reader.Skip();
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
                reader.Skip();
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
                reader.Skip();
            }
        }
    }

    private static void ReadFields(ref Utf8JsonReader reader, WorkItemRead read)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("System.Title"u8))
            {
                read.Title = JsonText.Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.Description"u8))
            {
                read.Description = read.Body is { } body ? JsonText.Buffered(ref reader, body) : JsonText.Value(ref reader);
            }
            else if (reader.ValueTextEquals("System.WorkItemType"u8))
            {
                read.Type = JsonText.Value(ref reader, read.Strings);
            }
            else if (reader.ValueTextEquals("System.State"u8))
            {
                read.State = JsonText.Value(ref reader, read.Strings);
            }
            else if (reader.ValueTextEquals("System.Tags"u8))
            {
                read.Tags = JsonText.Value(ref reader, read.Strings);
            }
            else if (reader.ValueTextEquals("System.AreaPath"u8))
            {
                read.AreaPath = JsonText.Value(ref reader, read.Strings);
            }
            else if (reader.ValueTextEquals("System.Parent"u8))
            {
                read.Parent = JsonText.Value(ref reader);
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
    private static string? ReadRelations(ref Utf8JsonReader reader, Utf8StringCache cache)
    {
        string? parent = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var (rel, url) = JsonText.ReadTwo(ref reader, "rel"u8, "url"u8, firstCache: cache);

            if (parent is null && string.Equals(rel.Text, ParentLink, StringComparison.OrdinalIgnoreCase))
            {
                parent = ItemJson.TrailingNumber(url.Text) ?? "";
            }
        }

        return string.IsNullOrEmpty(parent) ? null : parent;
    }

    private static void ReadLinks(ref Utf8JsonReader reader, WorkItemRead read)
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

            read.HtmlHref = JsonText.ReadTwo(ref reader, "href"u8, default).First;
        }
    }
}
