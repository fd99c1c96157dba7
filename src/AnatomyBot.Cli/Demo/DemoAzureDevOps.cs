using AnatomyBot.Cli.Demo.Fakes;

namespace AnatomyBot.Cli.Demo;

/// <summary>Loads the scenario's Azure DevOps project into the fake and applies a step's change as a person would: a work
/// item or pull request appears when first mentioned, a pull request links its work items, a tag is added.</summary>
internal static class DemoAzureDevOps
{
    public const string AnatomyPath = "/anatomy.yml";

    public static FakeAzureDevOps Seed(DemoAzureDevOpsBacklog backlog, string anatomyYaml)
    {
        var ado = new FakeAzureDevOps(backlog.Organization, backlog.Project);
        ado.Repositories[backlog.Repository] = "3411ebc1-d5aa-464f-9615-0b527bc66719";
        ado.PullRequestRepository = backlog.Repository;
        ado.Repositories[backlog.AnatomyRepository] = "cbd1a0e4-8f8e-4b05-9d54-2b2a0e2d7f31";
        ado.Files[(backlog.AnatomyRepository, AnatomyPath)] = anatomyYaml;
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

            if (!ado.WorkItems.TryGetValue(step.Number, out var item))
            {
                var seed = backlog.WorkItems.Single(w => w.Id == step.Number);
                item = new FakeWorkItem { Id = seed.Id, Type = seed.Type, Title = seed.Title, Description = seed.Description, Tags = seed.Tags, Parent = seed.Parent };
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
        if (ado.PullRequests.ContainsKey(number))
        {
            return;
        }

        var seed = backlog.PullRequests.Single(p => p.Id == number);
        var pr = new FakeAzurePullRequest { Id = seed.Id, Title = seed.Title, Description = seed.Description, Author = seed.Author };
        pr.WorkItems.AddRange(seed.WorkItems);
        pr.Files.AddRange(seed.Files);
        ado.PullRequests[pr.Id] = pr;
        foreach (var id in seed.WorkItems.Where(ado.WorkItems.ContainsKey))
        {
            // Linking a pull request adds an artifact link to the work item: a new revision.
            ado.WorkItems[id].PullRequests.Add(pr.Id);
            ado.WorkItems[id].Rev++;
        }
    }
}
