namespace AnatomyBot.Testing.Conformance;

/// <summary>Finds <c>../shared/conformance</c> beside the repository root (the folder holding <c>AnatomyBot.sln</c>),
/// walking up from the test's base directory. Missing, the corpus tests have nothing to check locally, but under
/// <c>CI=true</c> a missing corpus is an error. Link this file into a test project with
/// <c>&lt;Compile Include="../Shared/Conformance/**/*.cs" LinkBase="Shared/Conformance" /&gt;</c>.</summary>
internal static class ConformanceCorpus
{
    private static readonly Lazy<string?> RootPath = new(Locate);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The corpus folder, or null when this checkout has none (never null under <c>CI=true</c>: it throws).</summary>
    public static string? Root
    {
        get
        {
            if (RootPath.Value is null && IsCi)
            {
                throw new InvalidOperationException("../shared/conformance was not found beside the repository root, and CI=true: the conformance corpus must be there in CI.");
            }

            return RootPath.Value;
        }
    }

    /// <summary>A file or folder of the corpus, or null when there is no corpus here (throws under <c>CI=true</c>, or when
    /// the corpus is there but lacks this entry).</summary>
    public static string? Find(string relative)
    {
        if (Root is not { } root)
        {
            return null;
        }

        var path = Path.Combine(root, relative);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"The conformance corpus at {root} has no {relative}.", path);
    }

    /// <summary>The corpus files under <paramref name="relative"/> matching <paramref name="pattern"/>, in name order;
    /// none when there is no corpus here (throws under <c>CI=true</c>).</summary>
    public static IEnumerable<string> Files(string relative, string pattern, SearchOption option = SearchOption.TopDirectoryOnly) =>
        Find(relative) is { } folder ? Directory.EnumerateFiles(folder, pattern, option).Order(StringComparer.Ordinal) : [];

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
            {
                var corpus = Path.Combine(dir.FullName, "..", "shared", "conformance");
                return Directory.Exists(corpus) ? Path.GetFullPath(corpus) : null;
            }
        }

        return null;
    }
}
