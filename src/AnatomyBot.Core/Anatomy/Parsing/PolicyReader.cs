using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads the <c>policy</c> section: rules per item kind (unlisted kinds keep <see cref="AnatomyPolicy.Defaults"/>;
/// a rule that omits <c>require</c> or <c>severity</c> keeps the default's), scopes (exactly one of <c>repository</c> /
/// <c>areaPath</c> / <c>valueStream</c>, read by <see cref="ScopeReader"/>; a scope rule inherits the same way from the
/// file-wide rule), exemptions and Azure DevOps fields.</summary>
internal static class PolicyReader
{
    public static readonly string[] Keys = ["rules", "scopes", "exempt", "fields", "itemComments", "waivers", "mode", "comment"];
    private static readonly string[] RuleKeys = ["require", "severity"];
    private static readonly string[] ExemptKeys = ["labels", "authors"];

    public static AnatomyPolicy Read(MappingNode map, ReadContext context)
    {
        var diagnostics = context.Diagnostics;
        var reader = new MapReader(map, "policy", diagnostics, Keys);
        var rules = ReadRules(reader, "rules", AnatomyPolicy.Defaults, required: false) ?? AnatomyPolicy.Defaults;
        var policy = new AnatomyPolicy
        {
            Rules = rules,
            Scopes = ScopeReader.Read(reader, rules, context),
            Fields = ReadFields(reader),
            ItemComments = SectionReader.ReadCode<ItemComments>(reader, "itemComments", required: false) ?? ItemComments.OnGaps,
            Waivers = WaiverReader.ReadPolicy(reader),
            Mode = SectionReader.ReadCode<PolicyMode>(reader, "mode", required: false) ?? PolicyMode.Block,
            Comment = SectionReader.ReadCode<CommentMode>(reader, "comment", required: false) ?? CommentMode.Always,
        };
        if (reader.Mapping("exempt") is { } exempt)
        {
            var exemptReader = new MapReader(exempt, "policy.exempt", diagnostics, ExemptKeys);
            policy = policy with
            {
                ExemptLabels = exemptReader.Get("labels") is null ? policy.ExemptLabels : exemptReader.Strings("labels"),
                ExemptAuthors = exemptReader.Get("authors") is null ? policy.ExemptAuthors : exemptReader.Strings("authors"),
            };
        }

        return policy;
    }

    /// <summary>The rules under <paramref name="key"/>: each listed kind's rule, its omitted fields taken from
    /// <paramref name="inherited"/>; with <paramref name="listedOnly"/> only the kinds listed, else every kind of
    /// <paramref name="inherited"/> as well.</summary>
    internal static Dictionary<ItemKind, PolicyRule>? ReadRules(
        MapReader parent, string key, IReadOnlyDictionary<ItemKind, PolicyRule> inherited, bool required, bool listedOnly = false)
    {
        var map = parent.Mapping(key, required);
        if (map is null)
        {
            return null;
        }

        var rules = listedOnly ? [] : new Dictionary<ItemKind, PolicyRule>(inherited);
        var allowed = EnumCodes.All<ItemKind>().ToArray();
        var kinds = new MapReader(map, parent.PathPrefix + key, parent.Diagnostics, allowed);
        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            var code = EnumCodes.ToCode(kind);
            if (kinds.Get(code) is null)
            {
                continue;
            }

            if (kinds.Mapping(code) is { } ruleMap)
            {
                var rule = new MapReader(ruleMap, kinds.PathPrefix + code, parent.Diagnostics, RuleKeys);
                var baseRule = inherited[kind];
                var require = rule.Get("require") is null ? baseRule.Require : ReadRequirements(rule);
                var severity = SectionReader.ReadCode<GapSeverity>(rule, "severity", required: false) ?? baseRule.Severity;
                rules[kind] = new PolicyRule(require, severity);
            }
        }

        return rules;
    }

    private static List<LinkRequirement> ReadRequirements(MapReader rule)
    {
        var requirements = new List<LinkRequirement>();
        var items = rule.TextList("require");
        var allowed = EnumCodes.All<LinkRequirement>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!EnumCodes.TryParse<LinkRequirement>(items[i].Value, out var requirement))
            {
                rule.Diagnostics.Error(
                    AnatomyDiagnosticCodes.InvalidValue,
                    $"{rule.PathPrefix}require: '{items[i].Value}' is not one of {string.Join(" | ", allowed)}",
                    items[i].Position);
            }
            else if (!requirements.Contains(requirement))
            {
                requirements.Add(requirement);
            }
        }

        return requirements;
    }

    private static Dictionary<string, Layer> ReadFields(MapReader policy)
    {
        var fields = new Dictionary<string, Layer>(StringComparer.OrdinalIgnoreCase);
        if (policy.Mapping("fields") is not { } map)
        {
            return fields;
        }

        foreach (var (key, value) in map.Entries)
        {
            var layer = value is ScalarNode { Type: ScalarType.Text } scalar ? ParseLayer(scalar.Value) : null;
            if (layer is null)
            {
                policy.Diagnostics.Error(
                    AnatomyDiagnosticCodes.InvalidValue,
                    $"policy.fields.{key.Value}: expected one of outcome | stage | logic | component",
                    value.Position);
            }
            else if (!fields.TryAdd(key.Value, layer.Value))
            {
                policy.Diagnostics.Error(AnatomyDiagnosticCodes.DuplicateKey, $"policy.fields: field '{key.Value}' appears twice", key.Position);
            }
        }

        return fields;
    }

    private static Layer? ParseLayer(string value) => value switch
    {
        "outcome" => Layer.Outcome,
        "stage" => Layer.Stage,
        "logic" => Layer.Logic,
        "component" => Layer.Component,
        _ => null,
    };
}
