using System.Text.Json;
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

    public static Trace DecodeTrace(string json)
    {
        var parts = JsonSerializer.Deserialize(json, StorageJsonContext.Default.StringArrayArray);
        if (parts is not { Length: 4 })
        {
            throw new InvalidDataException($"Stored trace is malformed: {json}");
        }

        return new Trace(parts[0], parts[1], parts[2], parts[3]);
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
        var plain = JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringInt32)
            ?? throw new InvalidDataException($"Stored gaps are malformed: {json}");
        var gaps = new Dictionary<string, GapSeverity>(plain.Count, StringComparer.Ordinal);
        foreach (var (code, severity) in plain)
        {
            gaps[code] = (GapSeverity)severity;
        }

        return gaps;
    }
}
