using System.Globalization;
using System.Text.Json;

namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>The work-item ids of an Azure DevOps WIQL result file and the project they belong to, told by the items'
/// <c>url</c> (<c>https://dev.azure.com/ORG/PROJECT/_apis/wit/workItems/ID</c>). A WIQL result holds ids only, so the
/// file is small; it is bounded all the same.</summary>
internal static class WiqlResult
{
    public const long MaxBytes = 16L * 1024 * 1024;

    public static (IReadOnlyList<int> Ids, string ProjectUrl) Read(string path)
    {
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new LiveReadException($"check: {path}: a WIQL result larger than {MaxBytes / 1024 / 1024} MB is not read");
        }

        using var stream = File.OpenRead(path);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new LiveReadException($"check: {path}: invalid JSON in the WIQL result: {e.Message}", e);
        }

        using var document = json;
        var ids = new List<int>();
        string? projectUrl = null;
        foreach (var item in json.RootElement.GetProperty("workItems").EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.TryGetInt32(out var value) && value > 0)
            {
                ids.Add(value);
                if (projectUrl is null && item.TryGetProperty("url", out var url) && url.GetString() is { } text
                    && text.IndexOf("/_apis/", StringComparison.OrdinalIgnoreCase) is var cut and > 0)
                {
                    projectUrl = text[..cut];
                }
            }
        }

        return ids.Count == 0
            ? throw new LiveReadException($"check: {path}: the WIQL result lists no work items")
            : (ids, projectUrl ?? throw new LiveReadException($"check: {path}: the WIQL result's items carry no url to tell their project"));
    }

    public static string Describe(IReadOnlyList<int> ids) =>
        string.Join(", ", ids.Take(5).Select(i => i.ToString(CultureInfo.InvariantCulture))) + (ids.Count > 5 ? ", …" : "");
}
