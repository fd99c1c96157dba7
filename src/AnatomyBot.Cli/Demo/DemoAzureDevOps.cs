using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.Cli.Demo;

/// <summary>Loads the scenario's Azure DevOps project into the fake and applies a step's change as a person would: a work
/// item or pull request appears when first mentioned, a pull request links its work items, a tag is added, a comment is
/// written in a pull-request thread or a work item's discussion.</summary>
internal static class DemoAzureDevOps
{
    public const string AnatomyPath = "/anatomy.yml";

    /// <summary>Where the ids of the threads people start in the demo begin.</summary>
    private const int ThreadIdBase = 500;

    public static FakeAzureDevOps Seed(DemoAzureDevOpsBacklog backlog, string anatomyYaml)
    {
        var ado = new FakeAzureDevOps(new Uri($"http://127.0.0.1/{backlog.Organization}/"), backlog.Project, "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c");
        ado.Repository(backlog.Repository, "3411ebc1-d5aa-464f-9615-0b527bc66719");
        ado.Repository(backlog.AnatomyRepository, "cbd1a0e4-8f8e-4b05-9d54-2b2a0e2d7f31").Files[AnatomyPath] = anatomyYaml;
        return ado;
    }

    public static void Apply(FakeAzureDevOps ado, DemoAzureDevOpsBacklog backlog, DemoStep step)
    {
        lock (ado.Gate)
        {
            if (step.Event!.StartsWith("git.pullrequest.", StringComparison.Ordinal))
            {
                OpenPullRequest(ado, backlog, step.Number);
                return;
            }

            if (step is { IsWorkItemComment: true, Comment: { } said })
            {
                // A person comments in the work item's discussion: a new revision of the item names the comment.
                ado.Comment(step.Number, step.Author ?? "pat.po@contoso.example", said);
                return;
            }

            if (step.Comment is { } text)
            {
                // A person starts a thread on the pull request; Azure DevOps numbers threads across the project.
                var pr = ado.PullRequest(step.Number);
                var thread = new FakeThread { Id = ThreadIdBase + pr.Threads.Count };
                thread.Comments.Add(new FakeThreadComment { Id = 1, Content = text, Author = step.Author ?? "dana.dev@contoso.example" });
                pr.Threads.Add(thread);
                return;
            }

            if (!ado.WorkItems.TryGetValue(step.Number, out var item))
            {
                var seed = backlog.WorkItems.Single(w => w.Id == step.Number);
                item = new FakeWorkItem { Id = seed.Id, Type = seed.Type, Title = seed.Title, Description = seed.Description, Tags = seed.Tags, Parent = seed.Parent, State = "New" };
                ado.WorkItems[item.Id] = item;
            }

            if (step.AddTags is { } tags)
            {
                item.Tags = string.IsNullOrEmpty(item.Tags) ? tags : $"{item.Tags}; {tags}";
                item.State = "Active";
                item.Rev++;
            }
        }
    }

    private static void OpenPullRequest(FakeAzureDevOps ado, DemoAzureDevOpsBacklog backlog, int number)
    {
        if (ado.PullRequests.Any(p => p.Number == number))
        {
            return;
        }

        var seed = backlog.PullRequests.Single(p => p.Id == number);
        var pr = new FakePullRequest { Number = seed.Id, RepositoryName = backlog.Repository, Title = seed.Title, Description = seed.Description, Author = seed.Author };
        pr.WorkItemIds.AddRange(seed.WorkItems);
        pr.ChangedPaths.AddRange(seed.Files);
        ado.Add(pr);
        foreach (var id in seed.WorkItems.Where(ado.WorkItems.ContainsKey))
        {
            // Linking a pull request adds an artifact link to the work item: a new revision.
            ado.WorkItems[id].Rev++;
        }
    }
}
