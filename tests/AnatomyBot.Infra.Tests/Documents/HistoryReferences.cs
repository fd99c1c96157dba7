using System.Text.RegularExpressions;

namespace AnatomyBot.Infra.Tests.Documents;

/// <summary>Finds text that tells the project's history instead of describing the product: work sessions or periods,
/// issue numbers, and commit hashes in Markdown code spans. Git keeps the history.</summary>
internal static partial class HistoryReferences
{
    private static readonly string[] Extensions = [".md", ".cs", ".bicep", ".bicepparam", ".yml", ".yaml"];

    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", ".work", "TestResults", "BenchmarkDotNet.Artifacts"];

    /// <summary>Source and document files under <paramref name="root"/>, outside build output and tool folders.</summary>
    public static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
            .Order(StringComparer.Ordinal);

    /// <summary><c>line: text</c> for each line of <paramref name="text"/> that refers to history.</summary>
    public static IEnumerable<string> In(string text, bool markdown)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Session().IsMatch(lines[i]) || IssueNumber().IsMatch(lines[i]) || (markdown && CommitHash().IsMatch(lines[i])))
            {
                yield return $"{i + 1}: {lines[i].Trim()}";
            }
        }
    }

    [GeneratedRegex(@"\b(?:work\s+)?sessions?\s+\d+\b|\bwork\s+periods?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Session();

    [GeneratedRegex(@"\bissues?\s+#?\d+\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IssueNumber();

    [GeneratedRegex(@"`(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}`", RegexOptions.CultureInvariant)]
    private static partial Regex CommitHash();
}
