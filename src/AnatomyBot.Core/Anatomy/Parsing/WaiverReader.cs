using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads the <c>waivers</c> section and <c>policy.waivers</c>. Checks the shape only (required keys, types, id,
/// item and date syntax): expiry, gap codes, durations and duplicate ids are lint findings (<see cref="WaiverLinter"/>),
/// so a file whose waivers have lapsed still loads and the engine ignores those waivers with a diagnostic.</summary>
internal static class WaiverReader
{
    public static readonly string[] Keys = ["id", "items", "gaps", "until", "reason", "approvedBy"];
    public static readonly string[] PolicyKeys = ["maxDays", "approvers"];

    /// <summary>The largest <c>policy.waivers.maxDays</c>: ten years.</summary>
    public const int MaxDaysLimit = 3660;

    public static IReadOnlyList<Waiver> ReadAll(MapReader root) => SectionReader.ReadList(root, "waivers", (map, path) => Read(map, path, root.Diagnostics));

    public static Waiver? Read(MappingNode map, string path, DiagnosticBag diagnostics)
    {
        var reader = new MapReader(map, path, diagnostics, Keys);
        var id = reader.Text("id", required: true);
        if (id is not null && !ReadContext.IdPattern().IsMatch(id))
        {
            diagnostics.Error(
                AnatomyDiagnosticCodes.InvalidValue,
                $"{path}.id: '{id}' is not a valid id; use letters, digits, '-', '_' or '.', starting with a letter and ending with a letter or digit (at most 100 characters)",
                reader.Get("id")!.Position);
            id = null;
        }

        var items = RequiredList(reader, "items", "GitHub owner/repo#N or Azure DevOps ids");
        foreach (var item in items.Where(i => !WaiverRules.IsItemId(i.Value)))
        {
            diagnostics.Error(AnatomyDiagnosticCodes.InvalidValue, $"{path}.items: '{item.Value}' is not a GitHub owner/repo#N nor an Azure DevOps work item id", item.Position);
        }

        var gaps = RequiredList(reader, "gaps", "gap codes, or \"*\" for every gap");
        var until = ReadDate(reader, path);
        var reason = reader.Text("reason", required: true);
        var approvedBy = reader.Text("approvedBy", required: true);
        return id is null || until is null || reason is null || approvedBy is null || items.Count == 0 || gaps.Count == 0
            ? null
            : new Waiver
            {
                Id = id,
                Items = [.. items.Select(i => i.Value)],
                Gaps = [.. gaps.Select(g => g.Value)],
                Until = until.Value,
                Reason = reason,
                ApprovedBy = approvedBy,
                Position = map.Position,
            };
    }

    public static WaiverPolicy ReadPolicy(MapReader policy)
    {
        if (policy.Mapping("waivers") is not { } map)
        {
            return WaiverPolicy.Default;
        }

        var reader = new MapReader(map, policy.PathPrefix + "waivers", policy.Diagnostics, PolicyKeys);
        var result = WaiverPolicy.Default with { Approvers = reader.Strings("approvers") };
        if (reader.Get("maxDays") is not { } node)
        {
            return result;
        }

        if (node is ScalarNode { Type: ScalarType.Number } scalar && int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDaysLimit)
        {
            return result with { MaxDays = days };
        }

        policy.Diagnostics.Error(AnatomyDiagnosticCodes.InvalidValue, $"{reader.PathPrefix}maxDays: expected a whole number of days from 1 to {MaxDaysLimit}, found {node.Shape}", node.Position);
        return result;
    }

    private static IReadOnlyList<ScalarNode> RequiredList(MapReader reader, string key, string what)
    {
        if (reader.Get(key) is null)
        {
            reader.Diagnostics.Error(AnatomyDiagnosticCodes.MissingField, $"{reader.Path}: '{key}' is required: a list of {what}", reader.KeyPosition(key));
            return [];
        }

        var list = reader.TextList(key);
        if (list.Count == 0 && reader.Get(key) is SequenceNode)
        {
            reader.Diagnostics.Error(AnatomyDiagnosticCodes.MissingField, $"{reader.PathPrefix}{key} must not be empty: list {what}", reader.Get(key)!.Position);
        }

        return list;
    }

    private static DateOnly? ReadDate(MapReader reader, string path)
    {
        var text = reader.Text("until", required: true);
        if (text is null)
        {
            return null;
        }

        if (WaiverRules.TryParseDate(text, out var date))
        {
            return date;
        }

        reader.Diagnostics.Error(AnatomyDiagnosticCodes.InvalidValue, $"{path}.until: '{text}' is not a date; write it as YYYY-MM-DD", reader.Get("until")!.Position);
        return null;
    }
}
