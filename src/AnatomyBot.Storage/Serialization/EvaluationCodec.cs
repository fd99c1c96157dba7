using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Storage.Serialization;

/// <summary>Trace and gaps as compact JSON, shared by both backends:
/// trace <c>[["outcome"],["stage"],["logic"],["component"]]</c>, gaps <c>{"no-outcome":1}</c> (code → severity number).</summary>
internal static class EvaluationCodec
{
    public static string EncodeTrace(Trace trace) =>
        JsonSerializer.Serialize(
            [[.. trace.Outcomes], [.. trace.Stages], [.. trace.Logic], [.. trace.Components]],
            StorageJsonContext.Default.StringArrayArray);

    /// <summary>Decodes with a forward-only reader (no intermediate arrays of arrays) and interns the ids, which repeat
    /// across rows: the digest decodes 100,000 of these per run.</summary>
    public static Trace DecodeTrace(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Utf8(json, out var rented));
            try
            {
                Expect(ref reader, JsonTokenType.StartArray, json);
                var outcomes = ReadNames(ref reader, json);
                var stages = ReadNames(ref reader, json);
                var logic = ReadNames(ref reader, json);
                var components = ReadNames(ref reader, json);
                Expect(ref reader, JsonTokenType.EndArray, json);
                return new Trace(outcomes, stages, logic, components);
            }
            finally
            {
                Return(rented);
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Stored trace is malformed: {json}", exception);
        }
    }

    public static string EncodeGaps(IReadOnlyDictionary<string, GapSeverity> gaps)
    {
        var plain = new Dictionary<string, int>(gaps.Count, StringComparer.Ordinal);
        foreach (var (code, severity) in gaps.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            plain[code] = (int)severity;
        }

        return JsonSerializer.Serialize(plain, StorageJsonContext.Default.DictionaryStringInt32);
    }

    public static IReadOnlyDictionary<string, GapSeverity> DecodeGaps(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Utf8(json, out var rented));
            try
            {
                Expect(ref reader, JsonTokenType.StartObject, json);
                var gaps = new Dictionary<string, GapSeverity>(StringComparer.Ordinal);
                while (Next(ref reader, json) == JsonTokenType.PropertyName)
                {
                    var code = ReadName(ref reader);
                    Expect(ref reader, JsonTokenType.Number, json);
                    gaps[code] = (GapSeverity)reader.GetInt32();
                }

                return reader.TokenType == JsonTokenType.EndObject ? gaps : throw Malformed("gaps", json);
            }
            finally
            {
                Return(rented);
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new InvalidDataException($"Stored gaps are malformed: {json}", exception);
        }
    }

    private static string[] ReadNames(ref Utf8JsonReader reader, string json)
    {
        Expect(ref reader, JsonTokenType.StartArray, json);
        List<string>? names = null;
        while (Next(ref reader, json) == JsonTokenType.String)
        {
            (names ??= []).Add(ReadName(ref reader));
        }

        return reader.TokenType == JsonTokenType.EndArray ? names?.ToArray() ?? [] : throw Malformed("trace", json);
    }

    private static string ReadName(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > 256)
        {
            return reader.GetString()!;
        }

        Span<char> buffer = stackalloc char[length];
        var written = reader.CopyString(buffer);
        return NamePool.Get(buffer[..written]);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string json)
    {
        if (Next(ref reader, json) != expected)
        {
            throw Malformed(expected is JsonTokenType.StartObject ? "gaps" : "trace", json);
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader, string json) =>
        reader.Read() ? reader.TokenType : throw Malformed("value", json);

    private static InvalidDataException Malformed(string what, string json) => new($"Stored {what} is malformed: {json}");

    private static ReadOnlySpan<byte> Utf8(string json, out byte[] rented)
    {
        rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        return rented.AsSpan(0, Encoding.UTF8.GetBytes(json, rented));
    }

    private static void Return(byte[] rented) => ArrayPool<byte>.Shared.Return(rented);

    /// <summary>Gap events of one item, for the Table ledger's pending events: <c>[["no-outcome","1","0","639…"]]</c>
    /// (code, severity, kind, UTC ticks); "" when there are none.</summary>
    public static string EncodeEvents(IReadOnlyList<GapEvent> events) =>
        events.Count == 0
            ? ""
            : JsonSerializer.Serialize(
                [.. events.Select(e => new[]
                {
                    e.Code,
                    ((int)e.Severity).ToString(CultureInfo.InvariantCulture),
                    ((int)e.Kind).ToString(CultureInfo.InvariantCulture),
                    e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
                })],
                StorageJsonContext.Default.StringArrayArray);

    public static IReadOnlyList<GapEvent> DecodeEvents(ItemSource source, string itemId, string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            var rows = JsonSerializer.Deserialize(json, StorageJsonContext.Default.StringArrayArray) ?? [];
            return [.. rows.Select(r => new GapEvent(
                source,
                itemId,
                GapCodeNames.Intern(r[0]),
                (GapSeverity)int.Parse(r[1], CultureInfo.InvariantCulture),
                (GapEventKind)int.Parse(r[2], CultureInfo.InvariantCulture),
                new DateTimeOffset(long.Parse(r[3], CultureInfo.InvariantCulture), TimeSpan.Zero)))];
        }
        catch (Exception exception) when (exception is JsonException or FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"Stored pending gap events are malformed: {json}", exception);
        }
    }
}
