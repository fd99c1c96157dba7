namespace AnatomyBot.Core.Tests.Digest;

/// <summary>Golden files live in <c>Digest/Golden/</c> beside the tests. Set <c>ANATOMYBOT_UPDATE_GOLDEN=1</c> to
/// rewrite them from the current output, then review the diff.</summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(SourceDirectory(), "Golden", name);
        if (Environment.GetEnvironmentVariable("ANATOMYBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with ANATOMYBOT_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
