namespace AnatomyBot.Core.Tests.Reconcile;

/// <summary>
/// Golden files: the expected Markdown lives in <c>Reconcile/Golden/*.md</c> beside these tests (copied to the output).
/// To regenerate after an intended change, run <c>UPDATE_GOLDEN=1 dotnet test tests/AnatomyBot.Core.Tests</c>: the
/// files in the source tree are rewritten and the test passes; review the diff before committing.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Reconcile", "Golden", name);
        Assert.True(File.Exists(path), $"Golden file {name} is missing; run with UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static string SourceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("AnatomyBot.sln not found above the test output.")
            : Path.Combine(dir.FullName, "tests", "AnatomyBot.Core.Tests", "Reconcile", "Golden");
    }
}
