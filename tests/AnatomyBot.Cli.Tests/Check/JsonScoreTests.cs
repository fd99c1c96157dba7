using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnatomyBot.Cli.Commands.Check;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>A score written by <see cref="JsonScore"/> is byte for byte what the JSON writer writes for the same number,
/// in the report's shape (an indented array of suggestion objects).</summary>
public sealed class JsonScoreTests
{
    private static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");

    [Fact]
    public void Write_RoundedScores_SameBytesAsTheWriterAndTheShortPath()
    {
        var random = new Random(5);
        var scores = new List<double>();
        for (var k = 0; k <= 30_000; k++)
        {
            scores.Add(k / 1000.0);
        }

        for (var i = 0; i < 30_000; i++)
        {
            scores.Add(Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-3, 10)), 3));
        }

        scores.AddRange([0.001, 0.01, 0.1, 1, 10, 100.5, 8.087, 999_999_999.999, 123_456_789.01]);
        Span<byte> text = stackalloc byte[JsonScore.MaxLength];
        foreach (var score in scores)
        {
            Assert.True(score >= JsonScore.Limit || JsonScore.TryFormat(score, text, out _), $"{score:R} took the writer's path");
        }

        Assert.Equal(Written(scores, viaWriter: true), Written(scores, viaWriter: false));
    }

    [Theory]
    [InlineData(-0.0)]
    [InlineData(-1.5)]
    [InlineData(1e9)]
    [InlineData(1e15)]
    [InlineData(8.0871234)]
    [InlineData(0.0005)]
    [InlineData(1e-7)]
    [InlineData(2.5e-3)]
    public void Write_OtherNumbers_SameBytesAsTheWriter(double score)
    {
        Assert.Equal(Written([score], viaWriter: true), Written([score], viaWriter: false));
    }

    [Theory]
    [InlineData(-0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e9)]
    [InlineData(8.0871234)]
    public void TryFormat_NotARoundedScoreInRange_False(double score)
    {
        Span<byte> text = stackalloc byte[JsonScore.MaxLength];

        Assert.False(JsonScore.TryFormat(score, text, out _));
    }

    private static string Written(IEnumerable<double> scores, bool viaWriter)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("suggestions");
            foreach (var score in scores)
            {
                json.WriteStartObject();
                json.WriteString("id", "C-1");
                if (viaWriter)
                {
                    json.WriteNumber(Score, score);
                }
                else
                {
                    JsonScore.Write(json, Score, score);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
