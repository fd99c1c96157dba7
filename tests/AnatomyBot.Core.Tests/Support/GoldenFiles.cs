namespace AnatomyBot.Core.Tests.Support;

/// <summary>
/// Golden files: the expected Markdown lives in <c>&lt;Area&gt;/Golden/*.md</c> beside the tests and is copied to the
/// test output, so the tests read it from there (source paths are not usable under deterministic CI builds).
/// To regenerate after an intended change run <c>UPDATE_GOLDEN=1 dotnet test tests/AnatomyBot.Core.Tests</c>: the files
/// in the source tree are rewritten; review the diff before committing.
/// </summary>
internal static class GoldenFiles
{
    public static void AssertMatches(string area, string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(area), name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, area, "Golden", name);
        Assert.True(File.Exists(path), $"Golden file {area}/Golden/{name} is missing; run with UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string SourceDirectory(string area)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("AnatomyBot.sln not found above the test output.")
            : Path.Combine(dir.FullName, "tests", "AnatomyBot.Core.Tests", area, "Golden");
    }
}
