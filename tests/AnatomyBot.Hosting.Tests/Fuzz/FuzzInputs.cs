using System.Text;
using System.Text.Json.Nodes;

namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>Seed material: the real webhook payloads of the conformance corpus (<c>../shared/conformance</c> from the
/// repository root) and the sample anatomy, plus the mutations the fuzz targets apply to them.</summary>
internal static class FuzzInputs
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AnatomyBot.sln not found above the test output.");
    });

    public static IReadOnlyList<(string Event, string Json)> GitHubPayloads { get; } = Load(
        Path.Combine("github", "webhooks"), file => Path.GetFileName(Path.GetDirectoryName(file)!));

    public static IReadOnlyList<(string Event, string Json)> AzureDevOpsPayloads { get; } = Load(
        Path.Combine("azure-devops", "service-hooks"), _ => "");

    public static string SampleAnatomy { get; } = File.ReadAllText(Path.Combine(Root.Value, "samples", "onboarding", "anatomy.yml"));

    private static List<(string, string)> Load(string folder, Func<string, string> eventOf)
    {
        var path = Path.Combine(Root.Value, "..", "shared", "conformance", folder);
        return [.. Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (eventOf(f), File.ReadAllText(f)))];
    }

    /// <summary>A JSON text with some of its values replaced (by hostile strings, huge or odd numbers, deep nesting, other
    /// types), chosen by <paramref name="seed"/>.</summary>
    public static string MutateJson(string json, int seed, IReadOnlyList<string> texts)
    {
        var random = new Random(seed);
        var node = JsonNode.Parse(json)!;
        var leaves = new List<JsonNode>();
        Collect(node, leaves);
        var changes = random.Next(1, 8);
        for (var i = 0; i < changes && leaves.Count > 0; i++)
        {
            var leaf = leaves[random.Next(leaves.Count)];
            JsonNode? replacement = random.Next(8) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next(3) switch { 0 => long.MaxValue, 1 => -1L, _ => 0L }),
                2 => JsonValue.Create(1e308),
                3 => new JsonArray(),
                4 => new JsonObject { ["x"] = JsonValue.Create(texts[random.Next(texts.Count)]) },
                _ => JsonValue.Create(texts[random.Next(texts.Count)]),
            };
            if (leaf.Parent is JsonObject parent)
            {
                parent[leaf.GetPropertyName()] = replacement;
            }
            else if (leaf.Parent is JsonArray array)
            {
                array[leaf.GetElementIndex()] = replacement;
            }
        }

        return node.ToJsonString();
    }

    /// <summary>Bytes around <paramref name="json"/> broken the way a hostile or broken sender breaks them.</summary>
    public static byte[] MutateBytes(string json, int mode, int seed)
    {
        var random = new Random(seed);
        var bytes = Encoding.UTF8.GetBytes(json);
        return mode switch
        {
            0 => bytes[..random.Next(bytes.Length + 1)],
            1 => Flip(bytes, random),
            2 => [.. bytes, 0xC3, 0x28, 0xFF],
            3 => [0xEF, 0xBB, 0xBF, .. bytes],
            4 => Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json)),
            5 => Encoding.UTF8.GetBytes(HostileText.Repeat("{\"a\":", random.Next(1, 400)) + "1" + HostileText.Repeat("}", random.Next(0, 400))),
            6 => Encoding.UTF8.GetBytes(HostileText.Repeat("[", random.Next(1, 400)) + HostileText.Repeat("]", random.Next(0, 400))),
            7 => Encoding.Unicode.GetBytes(json),
            _ => bytes,
        };
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < Math.Min(8, copy.Length); i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private static void Collect(JsonNode? node, List<JsonNode> leaves)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                {
                    Collect(child, leaves);
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    Collect(child, leaves);
                }

                break;
            case JsonValue v:
                leaves.Add(v);
                break;
        }
    }
}
