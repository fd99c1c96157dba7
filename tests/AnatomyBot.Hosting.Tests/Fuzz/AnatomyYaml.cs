using System.Globalization;
using System.Text;
using CsCheck;

namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>Anatomy files for the parser: the sample with lines changed, dropped, repeated or broken, and files generated
/// from scratch with hostile ids, names, references, globs, anchors and deep nesting.</summary>
internal static class AnatomyYaml
{
    private static readonly string[] Breakers = ["&a", "*a", "!!binary", "<<: *a", "? ", "- [", "{", "\t", "---", "...", "%TAG ! x", "|", ">-", "'", "\""];

    public static string Mutate(string[] lines, int seed, string[] texts)
    {
        var random = new Random(seed);
        var result = lines.ToList();
        var changes = random.Next(1, 10);
        for (var i = 0; i < changes && result.Count > 0; i++)
        {
            var at = random.Next(result.Count);
            var line = result[at];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            switch (random.Next(7))
            {
                case 0 when colon > 0:
                    result[at] = line[..(colon + 1)] + " " + Quote(texts[random.Next(texts.Length)], random.Next(3));
                    break;
                case 1:
                    result.RemoveAt(at);
                    break;
                case 2:
                    result.InsertRange(at, result.Skip(at).Take(random.Next(1, 30)).ToList());
                    break;
                case 3:
                    result[at] = line + " " + Breakers[random.Next(Breakers.Length)];
                    break;
                case 4:
                    result[at] = new string(' ', random.Next(0, 9)) + line.TrimStart();
                    break;
                case 5:
                    result.Insert(at, "  - " + HostileText.Repeat("[", random.Next(1, 200)));
                    break;
                default:
                    result = result.Take(at).ToList();
                    break;
            }
        }

        return string.Join('\n', result);
    }

    /// <summary>A file generated from scratch: up to a few dozen elements whose ids, names, references and paths are
    /// hostile text, quoted or not.</summary>
    public static Gen<string> Generated() =>
        Gen.Select(Gen.Int, HostileText.Any(4, 100).Array[1, 12], (seed, texts) => Build(new Random(seed), texts));

    private static string Build(Random random, string[] texts)
    {
        string Text() => Quote(texts[random.Next(texts.Length)], random.Next(4));
        string Id(string prefix) => random.Next(6) == 0 ? Text() : prefix + random.Next(8).ToString(CultureInfo.InvariantCulture);
        string Ids(string prefix) => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Id(prefix))) + "]";

        var yaml = new StringBuilder(random.Next(3) == 0 ? "" : "version: " + (random.Next(4) == 0 ? Text() : "1") + "\n");
        yaml.Append("outcomes:\n");
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            yaml.Append("  - id: ").Append(Id("O-")).Append("\n    name: ").Append(Text()).Append('\n');
        }

        yaml.Append("valueStreams:\n");
        for (var v = random.Next(0, 3); v > 0; v--)
        {
            yaml.Append("  - id: ").Append(Id("VS-")).Append("\n    name: ").Append(Text()).Append("\n    outcomes: ").Append(Ids("O-")).Append("\n    stages:\n");
            for (var s = random.Next(0, 5); s > 0; s--)
            {
                yaml.Append("      - id: ").Append(Id("ST-")).Append("\n        name: ").Append(Text())
                    .Append("\n        logic: ").Append(Ids("L-")).Append("\n        aliases: [").Append(Text()).Append("]\n");
            }
        }

        yaml.Append("logic:\n");
        for (var l = random.Next(0, 4); l > 0; l--)
        {
            yaml.Append("  - id: ").Append(Id("L-")).Append("\n    name: ").Append(Text()).Append("\n    kind: ").Append(random.Next(2) == 0 ? "rule" : Text())
                .Append("\n    components: ").Append(Ids("C-")).Append('\n');
        }

        yaml.Append("components:\n");
        for (var c = random.Next(0, 4); c > 0; c--)
        {
            yaml.Append("  - id: ").Append(Id("C-")).Append("\n    name: ").Append(Text()).Append("\n    kind: ").Append(random.Next(2) == 0 ? "service" : Text())
                .Append("\n    paths: [").Append(Text()).Append(", ").Append(Quote(HostileText.Repeat("**/a", random.Next(1, 40)) + "/b", 1)).Append("]\n");
        }

        if (random.Next(3) == 0)
        {
            yaml.Append("policy:\n  ").Append(Text()).Append(": ").Append(Text()).Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>As a YAML scalar: 0 plain, 1 double-quoted with escapes, 2 single-quoted, 3 a literal block.</summary>
    private static string Quote(string text, int style) => style switch
    {
        1 => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        2 => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        3 => "|\n      " + text.Replace("\n", "\n      ", StringComparison.Ordinal),
        _ => text,
    };
}
