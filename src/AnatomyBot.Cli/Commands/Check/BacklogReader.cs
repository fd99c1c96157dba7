using System.Text.Json;
using System.Text.Unicode;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Mapping;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Reads a backlog file as the platforms' APIs return it, one item at a time (memory stays flat): Azure DevOps
/// <c>{"count":…,"value":[…]}</c> or a bare array of work items, or GitHub's array of issues (pull requests included).
/// Each element is recognised by its shape: <c>fields</c> or a bare <c>id</c> → Azure DevOps; <c>number</c> → GitHub.</summary>
internal static class BacklogReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>Reads every item of <paramref name="utf8"/> into <paramref name="entries"/>; throws
    /// <see cref="BacklogFileException"/> with <c>file:line:column</c> when the file is not a backlog at all.</summary>
    public static void Read(string displayName, ReadOnlyMemory<byte> utf8, IReadOnlyCollection<string> keepFields, List<BacklogEntry> entries, Action<long>? progress = null)
    {
        var invalid = InvalidUtf8Ranges(ref utf8);
        var reader = new Utf8JsonReader(utf8.Span, isFinalBlock: true, new JsonReaderState(Options));
        try
        {
            if (!reader.Read())
            {
                throw new BacklogFileException($"{displayName}: the file is empty; expected a JSON array of work items or issues");
            }

            if (reader.TokenType == JsonTokenType.StartObject && !MoveToValueArray(ref reader))
            {
                throw new BacklogFileException($"{displayName}:{Position(utf8.Span, reader.TokenStartIndex)}: expected an Azure DevOps response with a `value` array of work items");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new BacklogFileException($"{displayName}:{Position(utf8.Span, reader.TokenStartIndex)}: expected a JSON array of work items or issues, or an object with `value`");
            }

            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = reader.TokenStartIndex;
                using var document = JsonDocument.ParseValue(ref reader);
                var entry = Map(document.RootElement, displayName, index++, keepFields);
                entries.Add(HasInvalidBytes(invalid, start, reader.BytesConsumed) ? WithUtf8Diagnostic(entry) : entry);
                progress?.Invoke(reader.BytesConsumed);
            }
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new BacklogFileException($"{displayName}:{line}:{column}: invalid JSON: {Reason(ex.Message)}");
        }
    }

    private static BacklogEntry Map(JsonElement element, string displayName, int index, IReadOnlyCollection<string> keepFields)
    {
        var isGitHub = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("number", out _) && !element.TryGetProperty("fields", out _);
        var result = isGitHub ? GitHubIssueMapper.Map(element) : AzureDevOpsWorkItemMapper.Map(element, keepFields);
        var source = isGitHub ? ItemSource.GitHub : ItemSource.AzureDevOps;
        return result.Item is { } item
            ? new BacklogEntry(item, item.Id, source, null)
            : new BacklogEntry(null, result.Id ?? $"{displayName}[{index}]", source, $"item {index} of {displayName}: {result.Error}");
    }

    private static bool MoveToValueArray(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                var isValue = reader.ValueTextEquals("value"u8);
                reader.Read();
                if (isValue)
                {
                    return reader.TokenType == JsonTokenType.StartArray;
                }

                reader.Skip();
            }
        }

        return false;
    }

    /// <summary>Byte ranges that are not UTF-8 are replaced by U+FFFD before parsing, so one bad item cannot sink the
    /// file; the items that contained them get a diagnostic.</summary>
    private static List<(long Start, long End)> InvalidUtf8Ranges(ref ReadOnlyMemory<byte> utf8)
    {
        var ranges = new List<(long, long)>();
        if (Utf8.IsValid(utf8.Span))
        {
            return ranges;
        }

        var span = utf8.Span;
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
                ranges.Add((repaired.Count, repaired.Count + 3));
                repaired.AddRange("\uFFFD"u8);
            }

            offset += Math.Max(consumed, 1);
        }

        utf8 = repaired.ToArray();
        return ranges;
    }

    private static bool HasInvalidBytes(List<(long Start, long End)> ranges, long start, long end)
        => ranges.Count > 0 && ranges.Exists(r => r.Start >= start && r.Start < end);

    private static BacklogEntry WithUtf8Diagnostic(BacklogEntry entry)
    {
        const string Message = "the item contains bytes that are not valid UTF-8; they were read as U+FFFD (�)";
        return entry.Item is { } item ? entry with { Item = item with { Diagnostics = [.. item.Diagnostics, Message] } } : entry;
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
