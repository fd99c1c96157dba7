using System.Text.Json;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Where <see cref="BacklogReader"/> is in a file of one or more JSON documents written back to back (as
/// <c>gh api --paginate</c> writes one page after another). Each document is told by its start: an array of items, or an
/// object whose <c>value</c> is one (an Azure DevOps list response); a WIQL result (<c>workItems</c>) or anything else is
/// refused with what is accepted. Each step either completes or, needing more bytes, leaves the reader where it was.</summary>
internal sealed class BacklogDocuments(string displayName, BatchedItemMapper mapper, StreamWindow buffer, Action<long>? progress)
{
    private Phase _phase;
    private bool _inObject;
    private int _documents;

    private enum Phase
    {
        BetweenDocuments,
        Items,
        AfterItems,
    }

    private enum Step
    {
        Continue,
        NeedMore,
        EndOfFile,
    }

    /// <summary>Reads as far as the bytes in hand allow; true at the end of the last document.</summary>
    public bool Advance(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var checkpoint = reader;
            var step = _phase switch
            {
                Phase.BetweenDocuments => StartDocument(ref reader),
                Phase.Items => NextItem(ref reader),
                _ => NextPropertyAfterItems(ref reader),
            };
            if (step == Step.EndOfFile)
            {
                return true;
            }

            if (step == Step.NeedMore)
            {
                reader = checkpoint;
                return false;
            }
        }
    }

    /// <summary>The error for a file that ends before the document in hand does.</summary>
    public string Cut() =>
        _phase == Phase.Items
            ? $"{displayName}: the file ends inside the array of items{Ordinal()}"
            : $"{displayName}: the file ends inside a JSON document{Ordinal()}";

    private Step StartDocument(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            if (!reader.IsFinalBlock)
            {
                return Step.NeedMore;
            }

            return _documents > 0
                ? Step.EndOfFile
                : throw new BacklogFileException($"{displayName}: the file is empty; {BacklogFormats.Accepted}");
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            (_phase, _inObject) = (Phase.Items, false);
            _documents++;
            return Step.Continue;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return FindItemsInObject(ref reader);
        }

        throw NotABacklog(reader, $"a JSON {Describe(reader.TokenType)}");
    }

    /// <summary>Moves to the object's <c>value</c> array, reading past the properties before it.</summary>
    private Step FindItemsInObject(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        while (true)
        {
            if (!reader.Read())
            {
                return Step.NeedMore;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                throw NotABacklog(reader, "an object with no `value` array", start);
            }

            var isValue = reader.ValueTextEquals("value"u8);
            var isWiql = reader.ValueTextEquals("workItems"u8);
            if (!reader.Read())
            {
                return Step.NeedMore;
            }

            if (isValue && reader.TokenType == JsonTokenType.StartArray)
            {
                (_phase, _inObject) = (Phase.Items, true);
                _documents++;
                return Step.Continue;
            }

            if (isWiql && reader.TokenType == JsonTokenType.StartArray)
            {
                throw new BacklogFileException($"{displayName}{At(start)}: {BacklogFormats.WiqlHint}") { WiqlResultFile = displayName };
            }

            if (!reader.TrySkip())
            {
                return Step.NeedMore;
            }
        }
    }

    private Step NextItem(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            _phase = _inObject ? Phase.AfterItems : Phase.BetweenDocuments;
            return Step.Continue;
        }

        if (mapper.TryAdd(ref reader, buffer.Data))
        {
            progress?.Invoke(buffer.Offset + reader.BytesConsumed);
            return Step.Continue;
        }

        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return Step.NeedMore;
        }

        var end = (int)reader.BytesConsumed;
        mapper.Add(buffer.Slice(start, end - start).Span);
        progress?.Invoke(buffer.Offset + end);
        return Step.Continue;
    }

    /// <summary>The rest of an Azure DevOps response after its <c>value</c> array, up to the end of the object.</summary>
    private Step NextPropertyAfterItems(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            _phase = Phase.BetweenDocuments;
            return Step.Continue;
        }

        return reader.TrySkip() ? Step.Continue : Step.NeedMore;
    }

    private BacklogFileException NotABacklog(Utf8JsonReader reader, string found, long? start = null) =>
        new($"{displayName}{At(start ?? reader.TokenStartIndex)}: not a backlog: {found}{Ordinal()}; {BacklogFormats.Accepted}");

    /// <summary><c>:line:column</c> in the first window of the file (positions are exact there), else the byte offset.</summary>
    private string At(long offset)
    {
        if (buffer.Offset > 0)
        {
            return $" (byte {buffer.Offset + offset + 1})";
        }

        var data = buffer.Data;
        var before = data[..(int)Math.Min(offset, data.Length)];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - before.LastIndexOf((byte)'\n');
        return $":{line}:{column}";
    }

    /// <summary>Which document of the file is being read, when there is more than one so far.</summary>
    private string Ordinal()
    {
        var current = _phase == Phase.BetweenDocuments ? _documents + 1 : _documents;
        return current > 1 ? $" (document {current} of the file)" : "";
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };
}
