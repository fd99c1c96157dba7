namespace AnatomyBot.Cli.Input;

/// <summary>Files embedded in the <c>anatomybot</c> assembly: the onboarding sample (<c>Samples/onboarding/…</c>) and
/// the JSON Schema (<c>Schema/anatomy.schema.json</c>).</summary>
internal static class EmbeddedResources
{
    public const string SampleAnatomy = "Samples/onboarding/anatomy.yml";

    public const string AnatomySchema = "Schema/anatomy.schema.json";

    /// <summary>The text of an embedded resource; throws when the build did not embed it (a packaging bug).</summary>
    public static string ReadText(string name)
    {
        using var stream = typeof(EmbeddedResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from the anatomybot assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
