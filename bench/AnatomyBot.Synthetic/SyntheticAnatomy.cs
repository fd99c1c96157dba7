using System.Globalization;
using System.Text;

namespace AnatomyBot.Synthetic;

/// <summary>Writes a synthetic <c>anatomy.yml</c>: 10 outcomes, 10 value streams of 8 stages, 200 logic elements and
/// 250 components (540 elements), linked the way real anatomies are (each stage lists logic, each logic components).</summary>
public static class SyntheticAnatomy
{
    public const int Outcomes = 10;
    public const int Streams = 10;
    public const int StagesPerStream = 8;
    public const int Logic = 200;
    public const int Components = 250;

    public static string Yaml()
    {
        var yaml = new StringBuilder("version: 1\noutcomes:\n");
        for (var o = 0; o < Outcomes; o++)
        {
            yaml.Append(Inv($"  - id: OUT-{o:D2}\n    name: {Words.Title(o)} outcome\n    description: Improve {Words.Phrase(o, 6)}.\n    metric: Median days\n    target: \"<= 5\"\n"));
        }

        yaml.Append("valueStreams:\n");
        for (var v = 0; v < Streams; v++)
        {
            yaml.Append(Inv($"  - id: VS-{v:D2}\n    name: {Words.Title(v + 3)} stream\n    outcomes: [OUT-{v % Outcomes:D2}]\n    stages:\n"));
            for (var s = 0; s < StagesPerStream; s++)
            {
                var stage = (v * StagesPerStream) + s;
                yaml.Append(Inv($"      - id: ST-{stage:D3}\n        name: {Words.Title(stage + 11)} stage\n        description: {Words.Phrase(stage, 8)}\n"));
                yaml.Append(Inv($"        decisions: [Is it ready?]\n        outcomes: [OUT-{(stage + 1) % Outcomes:D2}]\n"));
                yaml.Append(Inv($"        logic: [LG-{(stage * 2) % Logic:D3}, LG-{((stage * 2) + 1) % Logic:D3}, LG-{(stage + 160) % Logic:D3}]\n"));
            }
        }

        yaml.Append("logic:\n");
        for (var l = 0; l < Logic; l++)
        {
            yaml.Append(Inv($"  - id: LG-{l:D3}\n    name: {Words.Title(l + 29)} rule\n    kind: rule\n    description: {Words.Phrase(l + 5, 10)}\n"));
            yaml.Append(Inv($"    components: [C-{l % Components:D3}, C-{(l + 200) % Components:D3}]\n"));
        }

        yaml.Append("components:\n");
        for (var c = 0; c < Components; c++)
        {
            yaml.Append(Inv($"  - id: C-{c:D3}\n    name: {Words.Title(c + 47)} service\n    kind: data\n    spec: docs/specs/c{c}.md\n"));
            yaml.Append(Inv($"    description: {Words.Phrase(c + 9, 10)}\n    paths: [\"src/c{c:D3}/**\"]\n    aliases: [{Words.Word(c * 7)} {Words.Word(c * 13)}]\n"));
        }

        return yaml.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
