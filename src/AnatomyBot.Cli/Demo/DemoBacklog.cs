using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Cli.Demo;

/// <summary>Loads the scenario's backlog into the fake platforms and applies a step's change as a person would.</summary>
internal static class DemoBacklog
{
    /// <summary>Where the ids of the comments people write in the demo start.</summary>
    private const long CommentIdBase = 7_000_000;

    public static FakeGitHubRepository Seed(FakeGitHub hub, DemoScenario scenario, string anatomyYaml, string anatomyPath)
    {
        var (owner, name) = Split(scenario.GitHub.Repository);
        var repo = hub.Repository(owner, name);
        lock (hub.Gate)
        {
            repo.Files[anatomyPath] = anatomyYaml;
            foreach (var label in new[] { "epic", "feature", "story" })
            {
                repo.Labels[label] = ("5319e7", "Backlog level");
            }
        }

        foreach (var (login, permission) in scenario.GitHub.Collaborators ?? new Dictionary<string, string>())
        {
            hub.Grant(scenario.GitHub.Repository, login, permission);
        }

        return repo;
    }

    /// <summary>Makes an item exist (first mention: the person opens it) or changes its body.</summary>
    public static void Apply(FakeGitHub hub, FakeGitHubRepository repo, DemoScenario scenario, DemoStep step)
    {
        lock (hub.Gate)
        {
            if (!repo.Issues.TryGetValue(step.Number, out var issue))
            {
                var item = scenario.GitHub.Items.Single(i => i.Number == step.Number);
                issue = new FakeIssue
                {
                    Number = item.Number,
                    Title = item.Title,
                    Body = item.Body,
                    IsPullRequest = item.IsPullRequest,
                    Author = item.Author ?? "pat-po",
                    HeadSha = item.IsPullRequest ? Sha(item.Number, 1) : "",
                };
                issue.Labels.AddRange(item.Labels ?? []);
                issue.Files.AddRange(item.Files ?? []);
                repo.Issues[item.Number] = issue;
            }

            if (step.AppendBody is { } more)
            {
                issue.Body += more;
            }

            if (step.Comment is { } text)
            {
                issue.Comments.Add(new FakeIssueComment(CommentIdBase + repo.Issues.Values.Sum(i => i.Comments.Count), text, step.Author ?? "pat-po", step.At));
            }
        }
    }

    public static (string Owner, string Name) Split(string fullName)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        return (fullName[..slash], fullName[(slash + 1)..]);
    }

    private static string Sha(int number, int revision) => $"{number:x8}{revision:x8}".PadRight(40, 'a');
}
