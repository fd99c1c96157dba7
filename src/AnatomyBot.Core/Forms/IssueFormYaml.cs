using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AnatomyBot.Core.Forms;

/// <summary>Writes an issue form's maps, lists, strings and booleans as YAML through YamlDotNet's emitter: block style,
/// no aliases, each scalar in the plainest style its text allows (no reflection, so it runs compiled ahead of time).</summary>
internal static class IssueFormYaml
{
    public static string Write(Dictionary<string, object> form)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Node(emitter, form);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Node(Emitter emitter, object value)
    {
        switch (value)
        {
            case string text:
                emitter.Emit(new Scalar(text));
                break;
            case bool flag:
                emitter.Emit(new Scalar(flag ? "true" : "false"));
                break;
            case Dictionary<string, object> map:
                emitter.Emit(new MappingStart());
                foreach (var (key, item) in map)
                {
                    emitter.Emit(new Scalar(key));
                    Node(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable<object> list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in list)
                {
                    Node(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"An issue form holds no {value.GetType().Name}.", nameof(value));
        }
    }
}
