using System.Buffers;
using System.Text.Json;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Writes the items of a JSON array on every core: runs of consecutive items are written into buffers at the
/// same time, each by a writer of its own set at the array's depth, then copied to the output in order, so the bytes are
/// those one writer would have written. The caller's writer writes the first item itself and goes on after the last: a
/// writer's output depends only on its depth and last token, which the items in between leave as the first item did.</summary>
internal static class ParallelArrayItems
{
    /// <summary>Items per run: large enough that a run outweighs its writer, small enough that a few runs in flight
    /// stay a few megabytes.</summary>
    private const int RunSize = 1024;

    /// <summary>Writes <paramref name="items"/> from index 1 on to <paramref name="output"/>, after the caller's
    /// writer has written item 0 of the array named <paramref name="array"/> (the array a property of
    /// the root object) and been flushed. <paramref name="writeItem"/> writes one item.</summary>
    public static void WriteRest<T>(IReadOnlyList<T> items, Stream output, JsonWriterOptions options, JsonEncodedText array,
        Action<Utf8JsonWriter, T> writeItem)
    {
        var runs = Math.Max(2, Environment.ProcessorCount * 2);
        var buffers = Enumerable.Range(0, runs).Select(_ => new ArrayBufferWriter<byte>(1 << 20)).ToArray();
        var prefixes = new int[runs];
        for (var start = 1; start < items.Count; start += runs * RunSize)
        {
            var first = start;
            var count = Math.Min(runs, (items.Count - first + RunSize - 1) / RunSize);
            Parallel.For(0, count, r =>
            {
                var buffer = buffers[r];
                buffer.ResetWrittenCount();
                using var json = new Utf8JsonWriter(buffer, options);
                json.WriteStartObject();
                json.WriteStartArray(array);
                json.Flush();
                prefixes[r] = buffer.WrittenCount;
                var end = Math.Min(items.Count, first + ((r + 1) * RunSize));
                for (var i = first + (r * RunSize); i < end; i++)
                {
                    writeItem(json, items[i]);
                }
            });

            for (var r = 0; r < count; r++)
            {
                output.WriteByte((byte)',');
                output.Write(buffers[r].WrittenSpan[prefixes[r]..]);
            }
        }
    }
}
