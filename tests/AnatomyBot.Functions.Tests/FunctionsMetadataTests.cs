using System.Text.Json;

namespace AnatomyBot.Functions.Tests;

/// <summary>The Functions host indexes the worker by the build's generated <c>functions.metadata</c>; the host cannot run
/// here, so this checks that file: every function, its trigger, route and queue name.</summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void Metadata_ListsEveryFunctionWithItsTrigger()
    {
        var functions = ReadMetadata();

        Assert.Equal(
            ["AzureDevOpsWebhook", "GitHubWebhook", "Healthz", "ProcessDelivery", "ReconcileSweep", "WeeklyDigest"],
            functions.Keys.Order(StringComparer.Ordinal));
        AssertHttp(functions["GitHubWebhook"], "github/webhooks");
        AssertHttp(functions["AzureDevOpsWebhook"], "azure-devops/webhooks");
        AssertHttp(functions["Healthz"], "healthz", "get");
        var queue = Trigger(functions["ProcessDelivery"]);
        Assert.Equal("queueTrigger", queue.GetProperty("type").GetString());
        Assert.Equal("anatomybot-deliveries", queue.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", queue.GetProperty("connection").GetString());
        Assert.Equal("%Digest:Schedule%", AssertTimer(functions["WeeklyDigest"]));
        Assert.Equal("%Sweep:Schedule%", AssertTimer(functions["ReconcileSweep"]));
    }

    [Fact]
    public void HostJson_IsCopiedWithDeliberateQueueSettings()
    {
        var hostJson = Path.Combine(Path.GetDirectoryName(MetadataPath())!, "host.json");
        using var document = JsonDocument.Parse(File.ReadAllText(hostJson), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var queues = document.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(8, queues.GetProperty("batchSize").GetInt32());
        Assert.Equal(4, queues.GetProperty("newBatchThreshold").GetInt32());
        Assert.Equal("00:00:30", queues.GetProperty("visibilityTimeout").GetString());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    private static void AssertHttp(JsonElement function, string route, string method = "post")
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    private static string? AssertTimer(JsonElement function)
    {
        var trigger = Trigger(function);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        return trigger.GetProperty("schedule").GetString();
    }

    private static JsonElement Trigger(JsonElement function) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static Dictionary<string, JsonElement> ReadMetadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(MetadataPath()));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    /// <summary>The Functions project's own build output, same configuration as this test build.</summary>
    private static string MetadataPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AnatomyBot.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(root.FullName, "src", "AnatomyBot.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; the Functions project is built before its tests.");
        return path;
    }
}
