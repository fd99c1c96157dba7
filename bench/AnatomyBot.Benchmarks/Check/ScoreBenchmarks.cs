using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnatomyBot.Cli.Commands.Check;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>The scores of 6,000 suggestions written as the report writes them (an indented array of objects), by the
/// JSON writer's own double formatting against <see cref="JsonScore"/>.</summary>
[Config(typeof(SyntheticItems.MicroConfig))]
public class ScoreBenchmarks
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private double[] _scores = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _scores = [.. Enumerable.Range(0, 6_000).Select(_ => Math.Round(random.NextDouble() * 20, 3))];
    }

    [Benchmark(Baseline = true)]
    public int WriteNumber() => Write(static (json, score) => json.WriteNumber(Score, score));

    [Benchmark]
    public int JsonScoreWrite() => Write(static (json, score) => JsonScore.Write(json, Score, score));

    private int Write(Action<Utf8JsonWriter, double> write)
    {
        _buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(_buffer, Options);
        json.WriteStartArray();
        foreach (var score in _scores)
        {
            json.WriteStartObject();
            write(json, score);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        return _buffer.WrittenCount;
    }
}
