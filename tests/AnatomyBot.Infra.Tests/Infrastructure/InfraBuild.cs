using System.Text.Json.Nodes;

namespace AnatomyBot.Infra.Tests.Infrastructure;

/// <summary>Every <c>infra/**/*.bicep</c> compiled once per test run by one Bicep process (the compiler's start-up is the
/// expensive part): its diagnostics and each file's ARM template, by repository-relative path.</summary>
internal static class InfraBuild
{
    private static readonly Lazy<(BicepResult Result, IReadOnlyDictionary<string, JsonNode> Templates)> Build = new(Run);

    public static BicepResult Result => Build.Value.Result;

    public static JsonNode? TemplateOf(string relativeBicepPath) =>
        Build.Value.Templates.GetValueOrDefault(relativeBicepPath);

    public static JsonNode Main => TemplateOf("infra/main.bicep") ?? throw new InvalidOperationException("infra/main.bicep did not compile:\n" + Result);

    private static (BicepResult, IReadOnlyDictionary<string, JsonNode>) Run()
    {
        var output = Directory.CreateTempSubdirectory("anatomybot-bicep-build-").FullName;
        try
        {
            var result = Bicep.Run(InfraPaths.Root, "build", "--pattern", "infra/**/*.bicep", "--outdir", output);
            var templates = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
            foreach (var file in InfraPaths.BicepFiles())
            {
                var json = Path.Combine(output, Path.ChangeExtension(Path.GetRelativePath(InfraPaths.Infra, file), ".json"));
                if (File.Exists(json))
                {
                    templates[InfraPaths.Relative(file)] = JsonNode.Parse(File.ReadAllText(json))!;
                }
            }

            return (result, templates);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
