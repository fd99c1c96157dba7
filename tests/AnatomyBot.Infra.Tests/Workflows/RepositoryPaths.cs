using System.Text.RegularExpressions;

namespace AnatomyBot.Infra.Tests.Workflows;

/// <summary>The repository paths a CI script or step setting names: every word that starts with a top-level entry of
/// the repository (<c>src/…</c>, <c>infra/…</c>, <c>global.json</c>, <c>.ci/run</c>) — once <c>$GITHUB_ACTION_PATH/</c>
/// (the action's own checkout) is read as the repository root — and contains no variable or wildcard. Paths under
/// folders the repository does not have (<c>out/</c>, <c>$RUNNER_TEMP/…</c>) are outputs, not references.</summary>
internal static partial class RepositoryPaths
{
    private static readonly string[] Ignored = ["bin", "obj", ".git", "TestResults"];

    /// <summary>The referenced paths that do not exist under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Missing(string text, string root)
    {
        ArgumentNullException.ThrowIfNull(text);
        var topLevel = Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Where(n => !Ignored.Contains(n)).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. References(text)
                .Where(p => topLevel.Contains(p.Split('/')[0]))
                .Where(p => !File.Exists(Path.Combine(root, p)) && !Directory.Exists(Path.Combine(root, p)))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>Every word that could be a relative path.</summary>
    public static IEnumerable<string> References(string text) =>
        Separator().Split(ActionPath().Replace(text, string.Empty))
            .Select(w => w.TrimEnd('.', ','))
            .Select(w => w.StartsWith("./", StringComparison.Ordinal) ? w[2..] : w.TrimEnd('/'))
            .Where(w => w.Length > 0 && !w.StartsWith('-') && !w.StartsWith('/') && !w.Contains("://", StringComparison.Ordinal))
            .Where(w => w.IndexOfAny(['$', '*', '{', '}', '%', '`']) < 0);

    [GeneratedRegex(@"\$\{?GITHUB_ACTION_PATH\}?/")]
    private static partial Regex ActionPath();

    [GeneratedRegex(@"[\s""'=;()|&<>\\]+")]
    private static partial Regex Separator();
}
