using System.Reflection;

namespace AnatomyBot.Cli.Demo;

/// <summary>The onboarding sample embedded in the CLI (resources <c>Samples/onboarding/…</c>), so the demo needs no checkout.</summary>
internal static class SampleFiles
{
    public const string Anatomy = "Samples/onboarding/anatomy.yml";

    public const string Week = "Samples/onboarding/demo/week.json";

    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The sample '{name}' is not embedded in this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
