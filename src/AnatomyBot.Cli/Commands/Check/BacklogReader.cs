using System.Text.Json;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Reads a backlog file as the platforms' APIs return it, streamed one item at a time (memory stays flat): Azure DevOps
/// <c>{"count":…,"value":[…]}</c> or a bare array of work items, or GitHub's array of issues (pull requests included).
/// Each element is recognised by its shape (<see cref="BacklogEntryJson"/>): <c>fields</c> or a bare <c>id</c> → Azure
/// DevOps; <c>number</c> → GitHub.</summary>
internal static class BacklogReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>Reads every item of <paramref name="stream"/> into <paramref name="sink"/>, holding a few batches of
    /// items (and a read buffer) in memory at a time; throws <see cref="BacklogFileException"/> with
    /// <c>file:line:column</c> when the file is not a backlog at all.</summary>
    public static void Read(string displayName, Stream stream, IBacklogSink sink, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new StreamWindow(stream);
        using var mapper = new BatchedItemMapper(sink);
        try
        {
            JsonReaderState state;
            while (!TryHeader(displayName, buffer, out state))
            {
                buffer.ReadMore();
            }

            while (true)
            {
                var reader = new Utf8JsonReader(buffer.Data, buffer.AtEnd, state);
                while (true)
                {
                    var checkpoint = reader;
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        mapper.Complete();
                        return;
                    }

                    var start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        reader = checkpoint;
                        break;
                    }

                    var end = (int)reader.BytesConsumed;
                    mapper.Add(buffer.Slice(start, end - start).Span);
                    progress?.Invoke(buffer.Offset + end);
                }

                if (buffer.AtEnd)
                {
                    throw new BacklogFileException($"{displayName}: the file ends inside the array of items");
                }

                state = reader.CurrentState;
                buffer.Consume((int)reader.BytesConsumed);
                buffer.ReadMore();
            }
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new BacklogFileException($"{displayName}:{line}:{column}: invalid JSON: {Reason(ex.Message)}");
        }
    }

    /// <summary>Finds the array of items at the start of the file (the buffer still starts at byte 0 here, so positions
    /// are exact); false when more bytes are needed.</summary>
    private static bool TryHeader(string displayName, StreamWindow buffer, out JsonReaderState state)
    {
        state = default;
        var data = buffer.Data;
        var reader = new Utf8JsonReader(data, buffer.AtEnd, new JsonReaderState(Options));
        if (!reader.Read())
        {
            return buffer.AtEnd
                ? throw new BacklogFileException($"{displayName}: the file is empty; expected a JSON array of work items or issues")
                : false;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            switch (MoveToValueArray(ref reader))
            {
                case null:
                    return false;
                case false:
                    throw new BacklogFileException($"{displayName}:{Position(data, reader.TokenStartIndex)}: expected an Azure DevOps response with a `value` array of work items");
            }
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new BacklogFileException($"{displayName}:{Position(data, reader.TokenStartIndex)}: expected a JSON array of work items or issues, or an object with `value`");
        }

        state = reader.CurrentState;
        buffer.Consume((int)reader.BytesConsumed);
        return true;
    }

    /// <summary>True at the <c>value</c> array, false when the object has none, null when more bytes are needed.</summary>
    private static bool? MoveToValueArray(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (true)
        {
            if (!reader.Read())
            {
                return null;
            }

            if (reader.CurrentDepth <= depth)
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                var isValue = reader.ValueTextEquals("value"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isValue)
                {
                    return reader.TokenType == JsonTokenType.StartArray;
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
    }

    private static string Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - before.LastIndexOf((byte)'\n');
        return $"{line}:{column}";
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf(" LineNumber:", StringComparison.Ordinal) : cut;
        return (cut < 0 ? message : message[..cut]).TrimEnd(' ', '|', '.');
    }
}
