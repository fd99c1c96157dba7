namespace AnatomyBot.AzureDevOps.Tests.Conformance;

/// <summary>Finds <c>../shared/conformance/azure-devops</c> next to the repository root (the folder holding
/// <c>AnatomyBot.sln</c>); null when this checkout has none, and the corpus tests then have nothing to check.</summary>
internal static class ConformanceCorpus
{
    public static string? AzureDevOps { get; } = Locate();

    public static IEnumerable<string> Files(string relative, string pattern, SearchOption option = SearchOption.TopDirectoryOnly) =>
        AzureDevOps is { } root && Directory.Exists(Path.Combine(root, relative))
            ? Directory.EnumerateFiles(Path.Combine(root, relative), pattern, option).Order(StringComparer.Ordinal)
            : [];

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
            {
                var corpus = Path.Combine(dir.FullName, "..", "shared", "conformance", "azure-devops");
                return Directory.Exists(corpus) ? Path.GetFullPath(corpus) : null;
            }
        }

        return null;
    }
}
