using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AnatomyBot.Infra.Tests.Infrastructure;

/// <summary>What a deployment of <c>infra/main.bicep</c> would create for a parameters file, from <c>bicep snapshot</c>:
/// every resource (nested modules expanded) with its properties evaluated as far as they can be before deployment.
/// Runs on a copy of <c>infra/</c> so the snapshot file never lands in the repository.</summary>
internal sealed class DeploymentSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000a1";
    public const string ResourceGroup = "rg-anatomybot-test";

    private DeploymentSnapshot(string text)
    {
        Text = text;
        Resources = [.. (JsonNode.Parse(text)!["predictedResources"] as JsonArray ?? []).OfType<JsonObject>()];
    }

    /// <summary>The snapshot file as written (to check that no secret value leaks into it).</summary>
    public string Text { get; }

    public IReadOnlyList<JsonObject> Resources { get; }

    private static readonly ConcurrentDictionary<string, Lazy<DeploymentSnapshot>> Cache = new(StringComparer.Ordinal);

    /// <summary>The snapshot for these parameters, made once per test run (each <c>bicep snapshot</c> takes seconds).</summary>
    /// <param name="parameters">A <c>.bicepparam</c> body without its <c>using</c> line, or null for the example file.</param>
    /// <param name="environment">Environment variables (the secrets the example file reads).</param>
    public static DeploymentSnapshot For(string? parameters, IReadOnlyDictionary<string, string>? environment = null)
    {
        var key = (parameters ?? "<example>") + "\n" + string.Join("\n", (environment ?? new Dictionary<string, string>()).Select(e => e.Key + "=" + e.Value));
        return Cache.GetOrAdd(key, _ => new Lazy<DeploymentSnapshot>(() => Create(parameters, environment))).Value;
    }

    private static DeploymentSnapshot Create(string? parameters, IReadOnlyDictionary<string, string>? environment)
    {
        var folder = Directory.CreateTempSubdirectory("anatomybot-infra-").FullName;
        try
        {
            CopyFolder(InfraPaths.Infra, folder);
            var file = Path.Combine(folder, "test.bicepparam");
            File.WriteAllText(file, parameters is null ? File.ReadAllText(InfraPaths.ExampleParameters) : "using 'main.bicep'\n" + parameters);
            var result = Bicep.Run(folder, environment ?? new Dictionary<string, string>(), "snapshot", file, "--mode", "overwrite",
                "--subscription-id", SubscriptionId, "--resource-group", ResourceGroup, "--location", "westeurope");
            Assert.True(result.ExitCode == 0, result.ToString());
            return new DeploymentSnapshot(File.ReadAllText(Path.Combine(folder, "test.snapshot.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public IReadOnlyList<JsonObject> OfType(string type) =>
        [.. Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    /// <summary>The Functions app's settings in order, values as written in the template (expressions unevaluated).</summary>
    public IReadOnlyList<(string Name, string Value)> AppSettings() =>
    [
        .. (Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"] as JsonArray ?? [])
            .Select(s => ((string)s!["name"]!, (string)s["value"]!)),
    ];

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.bicep*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
