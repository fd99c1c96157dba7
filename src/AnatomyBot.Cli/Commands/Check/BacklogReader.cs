using System.Text.Json;
using System.Text.Unicode;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Mapping;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Reads a backlog file as the platforms' APIs return it, streamed one item at a time (memory stays flat): Azure DevOps
/// <c>{"count":…,"value":[…]}</c> or a bare array of work items, or GitHub's array of issues (pull requests included).
/// Each element is recognised by its shape: <c>fields</c> or a bare <c>id</c> → Azure DevOps; <c>number</c> → GitHub.</summary>
internal static class BacklogReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>The diagnostic of an item whose bytes were not all UTF-8.</summary>
    private const string NotUtf8 = "the item contains bytes that are not valid UTF-8; they were read as U+FFFD (�)";

    [ThreadStatic]
    private static BodyBuffer? t_body;

    [ThreadStatic]
    private static WorkItemDraft? t_draft;

    private static readonly JsonDocumentOptions ItemOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>Reads every item of <paramref name="stream"/> into <paramref name="entries"/>, holding one item (and a
    /// read buffer) in memory at a time; throws <see cref="BacklogFileException"/> with <c>file:line:column</c> when the
    /// file is not a backlog at all. With <paramref name="engine"/>, each item is also prepared for it
    /// (<see cref="LinkageEngine.Prepare(WorkItemDraft, ReadOnlySpan{char})"/>) on the worker that mapped it, and the entry
    /// keeps the prepared item; an Azure DevOps item then goes through a per-thread draft and description buffer, never a
    /// work item and a description string.</summary>
    public static void Read(
        string displayName,
        Stream stream,
        IReadOnlyCollection<string> keepFields,
        List<BacklogEntry> entries,
        Action<long>? progress = null,
        LinkageEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new StreamWindow(stream);
        using var mapper = new BatchedItemMapper((utf8, index) => MapItem(utf8, displayName, index, keepFields, engine));
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
                        mapper.CompleteInto(entries);
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

    private static BacklogEntry MapItem(ReadOnlyMemory<byte> utf8, string displayName, int index, IReadOnlyCollection<string> keepFields, LinkageEngine? engine)
    {
        var valid = Utf8.IsValid(utf8.Span);
        var bytes = valid ? utf8 : Repair(utf8.Span);
        WorkItemMapResult result;
        if (engine is not null)
        {
            // Azure DevOps items (the large backlogs) go from their bytes to the engine through this thread's draft and
            // description buffer: no work item and no description string per item.
            var body = t_body ??= new BodyBuffer();
            var draft = t_draft ??= new WorkItemDraft();
            if (AzureDevOpsWorkItemMapper.TryMap(bytes.Span, draft, body, keepFields, out result))
            {
                draft.Diagnostics = valid ? draft.Diagnostics : [.. draft.Diagnostics, NotUtf8];
                return BacklogEntry.Of(engine.Prepare(draft, body.Text));
            }
        }
        else
        {
            result = AzureDevOpsWorkItemMapper.Map(bytes.Span, keepFields);
        }

        var (item, id, source, error) = GitHubOr(result, bytes, displayName, index);
        item = valid || item is null ? item : item with { Diagnostics = [.. item.Diagnostics, NotUtf8] };
        return engine is null || item is null
            ? new BacklogEntry(item, id, source, error)
            : BacklogEntry.Of(engine.Prepare(item));
    }

    /// <summary>An item that does not map as an Azure DevOps work item is looked at again as a whole: GitHub issues carry
    /// <c>number</c> and no <c>fields</c>. Else the Azure DevOps failure stands.</summary>
    private static (WorkItem? Item, string Id, ItemSource Source, string? Error) GitHubOr(WorkItemMapResult result, ReadOnlyMemory<byte> utf8, string displayName, int index)
    {
        var source = ItemSource.AzureDevOps;
        if (result.Item is null)
        {
            using var document = JsonDocument.Parse(utf8, ItemOptions);
            var element = document.RootElement;
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("number", out _) && !element.TryGetProperty("fields", out _))
            {
                result = GitHubIssueMapper.Map(element);
                source = ItemSource.GitHub;
            }
        }

        return result.Item is { } item
            ? (item, item.Id, source, null)
            : (null, result.Id ?? $"{displayName}[{index}]", source, $"item {index} of {displayName}: {result.Error}");
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

    /// <summary>Byte sequences that are not UTF-8 are replaced by U+FFFD before parsing, so one bad item cannot sink the
    /// file; the item gets a diagnostic.</summary>
    private static byte[] Repair(ReadOnlySpan<byte> span)
    {
        var repaired = new List<byte>(span.Length + 64);
        var offset = 0;
        while (offset < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                repaired.AddRange(span.Slice(offset, consumed));
            }
            else
            {
                repaired.AddRange("\uFFFD"u8);
            }

            offset += Math.Max(consumed, 1);
        }

        return [.. repaired];
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
