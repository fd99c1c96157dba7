using System.Text.RegularExpressions;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads <c>policy.scopes</c>: each entry names exactly one of <c>repository</c> (<c>owner/name</c>),
/// <c>areaPath</c> or <c>valueStream</c> (the id of a value stream declared in the file), and its <c>rules</c>: only the
/// kinds it lists (a scope has no say on the others), each inheriting what it omits from the file-wide rule.</summary>
internal static partial class ScopeReader
{
    private static readonly string[] Keys = ["repository", "areaPath", "valueStream", "rules", "mode"];

    public static IReadOnlyList<PolicyScope> Read(MapReader policy, IReadOnlyDictionary<ItemKind, PolicyRule> rules, ReadContext context) =>
        [.. SectionReader.ReadList(policy, "scopes", (map, path) => ReadScope(new MapReader(map, path, context.Diagnostics, Keys), rules, context))];

    private static PolicyScope? ReadScope(MapReader scope, IReadOnlyDictionary<ItemKind, PolicyRule> rules, ReadContext context)
    {
        var repository = scope.Text("repository");
        var areaPath = scope.Text("areaPath");
        var valueStream = scope.Text("valueStream");
        var mode = SectionReader.ReadCode<PolicyMode>(scope, "mode", required: false);
        var scopeRules = PolicyReader.ReadRules(scope, "rules", rules, required: scope.Get("mode") is null, listedOnly: true);
        var named = (repository is null ? 0 : 1) + (areaPath is null ? 0 : 1) + (valueStream is null ? 0 : 1);
        if (named != 1)
        {
            scope.Diagnostics.Error(
                named == 0 ? AnatomyDiagnosticCodes.MissingField : AnatomyDiagnosticCodes.InvalidValue,
                $"{scope.Path}: give exactly one of 'repository' (owner/name), 'areaPath' or 'valueStream' (a value stream id)",
                scope.Map.Position);
            return null;
        }

        if (repository is not null && !RepositoryPattern().IsMatch(repository))
        {
            scope.Diagnostics.Error(
                AnatomyDiagnosticCodes.InvalidValue,
                $"{scope.PathPrefix}repository: '{repository}' is not an owner/name repository",
                scope.Get("repository")!.Position);
            return null;
        }

        if (valueStream is not null)
        {
            context.References.Add(new Reference(valueStream, scope.Get("valueStream")!.Position, ReadContext.ValueStreamKind, scope.Path));
        }

        return scopeRules is null && mode is null
            ? null
            : new PolicyScope
            {
                Repository = repository,
                AreaPath = areaPath?.TrimEnd('\\'),
                ValueStream = valueStream is null ? null : context.Canonical(valueStream),
                Rules = scopeRules ?? [],
                Mode = mode,
            };
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();
}
