using System.Text.Json;

namespace AnatomyBot.Cli.Hosting;

/// <summary>A folder of recorded webhook requests: <c>NAME.json</c> is the raw body and <c>NAME.headers.json</c> an object of
/// the request headers (<c>{"X-GitHub-Event": "pull_request", "X-GitHub-Delivery": "…", "X-Hub-Signature-256": "…"}</c>).
/// The platform is the one whose headers are present (<c>X-GitHub-Event</c> means GitHub, anything else Azure DevOps).</summary>
internal static class RecordedPayloads
{
    public static IEnumerable<RecordedPayload> Read(string folder)
    {
        foreach (var bodyPath in Directory.EnumerateFiles(folder, "*.json").Where(p => !p.EndsWith(".headers.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var headersPath = Path.ChangeExtension(bodyPath, ".headers.json");
            var headers = File.Exists(headersPath)
                ? JsonSerializer.Deserialize(File.ReadAllText(headersPath), CliJsonContext.Default.DictionaryStringString) ?? []
                : [];
            yield return new RecordedPayload(Path.GetFileName(bodyPath), new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), File.ReadAllBytes(bodyPath));
        }
    }
}

internal sealed record RecordedPayload(string Name, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Platform => Headers.ContainsKey("X-GitHub-Event") ? Core.Pipeline.Platforms.GitHub : Core.Pipeline.Platforms.AzureDevOps;
}
