namespace AnatomyBot.Cli.Tests.Infrastructure;

/// <summary>Golden files: the expected output lives in <c>tests/AnatomyBot.Cli.Tests/&lt;Area&gt;/Golden/</c> and is read
/// from the repository. To regenerate after an intended change run
/// <c>UPDATE_GOLDEN=1 dotnet test tests/AnatomyBot.Cli.Tests</c>: the files are rewritten; review the diff before
/// committing.</summary>
public static class GoldenFiles
{
    public static void AssertMatches(string area, string name, string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = Path.Combine(RepoPaths.Root, "tests", "AnatomyBot.Cli.Tests", area, "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {area}/Golden/{name} is missing; run with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
