using AnatomyBot.GitHub.Events;

namespace AnatomyBot.GitHub.Tests;

/// <summary>Every payload GitHub published (../shared/conformance/github/webhooks, when present) parses and routes.</summary>
public sealed class ConformancePayloadTests
{
    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        var root = Folder();
        if (root is null)
        {
            data.Add("");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Route_EachPublishedPayload_ParsesAndRoutes(string relative)
    {
        if (relative.Length == 0)
        {
            return; // The shared corpus is not on this machine.
        }

        var eventName = Path.GetDirectoryName(relative)!;
        var facts = WebhookFactsReader.Read(eventName, File.ReadAllText(Path.Combine(Folder()!, relative)));

        Assert.NotNull(facts);
        var route = SubjectRouter.Route(facts, ".github/anatomy.yml");
        Assert.True(route.Subjects.Count > 0 || route.Skipped is not null);
        if (eventName is "pull_request" && facts.Action is "opened" or "synchronize" or "reopened" or "labeled" or "ready_for_review")
        {
            Assert.IsType<PullRequestSubject>(Assert.Single(route.Subjects));
        }

        if (eventName is "issues" && facts.Action is not "transferred")
        {
            Assert.IsType<IssueSubject>(Assert.Single(route.Subjects));
        }
    }

    private static string? Folder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
        {
            dir = dir.Parent;
        }

        var folder = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "conformance", "github", "webhooks");
        return folder is not null && Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
    }
}
