using System.Text.Json;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Reads a backlog file as the platforms' APIs and CLIs write it, streamed one item at a time (memory stays flat):
/// one or more JSON documents back to back (<c>gh api --paginate</c> writes one per page), each an array of items or an
/// Azure DevOps <c>{"count":…,"value":[…]}</c> (<see cref="BacklogDocuments"/>). Each element is recognised by its shape
/// (<see cref="BacklogEntryJson"/>): <c>fields</c> or a bare <c>id</c> → Azure DevOps; <c>number</c> → GitHub (REST or
/// <c>gh … list --json</c>).</summary>
internal static class BacklogReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowMultipleValues = true,
        MaxDepth = 256,
    };

    /// <summary>Reads every item of every document of <paramref name="stream"/> into <paramref name="sink"/>, holding a few
    /// batches of items (and a read buffer) in memory at a time; throws <see cref="BacklogFileException"/> with the file
    /// and position when the file is not a backlog, is not JSON, or ends inside a document.</summary>
    public static void Read(string displayName, Stream stream, IBacklogSink sink, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new StreamWindow(stream);
        using var mapper = new BatchedItemMapper(sink);
        var documents = new BacklogDocuments(displayName, mapper, buffer, progress);
        var state = new JsonReaderState(Options);
        try
        {
            buffer.ReadMore();
            while (true)
            {
                var reader = new Utf8JsonReader(buffer.Data, buffer.AtEnd, state);
                if (documents.Advance(ref reader))
                {
                    mapper.Complete();
                    return;
                }

                if (buffer.AtEnd)
                {
                    throw new BacklogFileException(documents.Cut());
                }

                state = reader.CurrentState;
                buffer.Consume((int)reader.BytesConsumed);
                buffer.ReadMore();
            }
        }
        catch (JsonException) when (buffer.AtEnd && IsPrefix(buffer.Data, state))
        {
            throw new BacklogFileException(documents.Cut());
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new BacklogFileException($"{displayName}:{line}:{column}: invalid JSON: {Reason(ex.Message)}");
        }
    }

    /// <summary>Whether the last bytes of the file are valid JSON that merely stops early (a file cut short), rather
    /// than invalid JSON: read again as if more could follow. Only on the error path, over the last window.</summary>
    private static bool IsPrefix(ReadOnlySpan<byte> data, JsonReaderState state)
    {
        try
        {
            var reader = new Utf8JsonReader(data, isFinalBlock: false, state);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf(" LineNumber:", StringComparison.Ordinal) : cut;
        return (cut < 0 ? message : message[..cut]).TrimEnd(' ', '|', '.');
    }
}
