using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.Cli.Demo;

/// <summary>What the Azure DevOps audiences see after a step: the gap tags and the bot's discussion comment on work items
/// (product owners), and on pull
/// requests the <c>anatomybot/linkage</c> status and the bot's thread (delivery teams). Also checks that part of the story:
/// a gap tag appeared and went away again, the status failed before the fix and succeeded after it, one thread per PR.</summary>
internal sealed class AzureDevOpsView(TextWriter output, FakeAzureDevOps ado)
{
    private const string Genre = "anatomybot";
    private const string Name = "linkage";
    private readonly Dictionary<string, string> _lastView = [];
    private readonly Dictionary<int, string> _lastThread = [];
    private readonly Dictionary<int, string> _lastItemComment = [];
    private readonly HashSet<string> _gapTagsSeen = [];

    public List<string> StatusVerdicts { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>The bot's writes to Azure DevOps so far (method and path).</summary>
    public IReadOnlyList<string> Writes
    {
        get
        {
            return [.. ado.Writes.Select(w => w.ToString())];
        }
    }

    public void Show(DemoStep? step)
    {
        int[] workItems;
        int[] pullRequests;
        lock (ado.Gate)
        {
            workItems = [.. ado.WorkItems.Keys];
            pullRequests = [.. ado.PullRequests.Select(p => p.Number)];
        }

        var own = step is { OnAzureDevOps: true } ? step.Number : 0;
        var ownIsPullRequest = step?.Event?.StartsWith("git.", StringComparison.Ordinal) == true || step is { IsComment: true, IsWorkItemComment: false };
        foreach (var id in workItems)
        {
            ShowWorkItem(id, always: own == id && !ownIsPullRequest);
        }

        foreach (var id in pullRequests)
        {
            ShowPullRequest(id, always: own == id && ownIsPullRequest);
        }

        if (step is { OnAzureDevOps: true, IsWorkItemComment: true })
        {
            ShowWorkItemReply(step.Number);
        }
        else if (step is { OnAzureDevOps: true, IsComment: true })
        {
            ShowReply(step.Number);
        }
    }

    /// <summary>The story's Azure DevOps half, checked at the end of the week.</summary>
    public void Check()
    {
        if (!StatusVerdicts.Contains("failed"))
        {
            Problems.Add("the Azure DevOps pull request never got a failed anatomybot/linkage status before its fix");
        }
        else if (!StatusVerdicts.Skip(StatusVerdicts.IndexOf("failed") + 1).Contains("succeeded"))
        {
            Problems.Add("the Azure DevOps pull request's status did not turn to succeeded after the fix");
        }

        if (_gapTagsSeen.Count == 0)
        {
            Problems.Add("no work item ever got a gap tag");
        }

        lock (ado.Gate)
        {
            if (ado.WorkItems.Values.Any(w => OwnedTags(w.Tags).Any(_gapTagsSeen.Contains)))
            {
                Problems.Add("a gap tag on a work item was not removed after its fix");
            }
        }
    }

    private void ShowWorkItem(int id, bool always)
    {
        var (tags, _, _) = ado.View(id, pullRequest: false, Genre, Name);
        var owned = OwnedTags(tags).ToList();
        _gapTagsSeen.UnionWith(owned);
        if (!Changed($"wi{id}", string.Join(",", owned), always))
        {
            return;
        }

        output.WriteLine($"    product owner sees on work item {id}: {(owned.Count == 0 ? "no gap tags" : string.Join(", ", owned))} (tags: {tags})");
        ShowWorkItemComment(id);
    }

    /// <summary>The bot's sticky comment in the work item's discussion, when it is new or changed.</summary>
    private void ShowWorkItemComment(int id)
    {
        List<string> bot;
        lock (ado.Gate)
        {
            bot = [.. ado.WorkItems[id].Comments.Where(c => !c.IsDeleted && Markers.IsBotComment(c.Text)).Select(c => c.Text)];
        }

        if (bot.Count > 1)
        {
            Problems.Add($"work item {id} has {bot.Count} bot comments instead of one");
        }

        if (bot.Count == 0 || _lastItemComment.GetValueOrDefault(id) == bot[^1])
        {
            return;
        }

        _lastItemComment[id] = bot[^1];
        output.WriteLine($"    the bot's comment on work item {id} ({bot.Count} comment, edited in place):");
        foreach (var line in bot[^1].Split('\n'))
        {
            output.WriteLine("      │ " + line);
        }
    }

    private void ShowPullRequest(int id, bool always)
    {
        var (_, threads, status) = ado.View(id, pullRequest: true, Genre, Name);
        var bot = threads.Where(t => t.Comments.Count > 0 && Markers.IsBotComment(t.Comments[0].Content)).ToList();
        var body = bot.LastOrDefault()?.Comments[0].Content;
        if (!Changed($"pr{id}", $"{status?.Id}|{bot.LastOrDefault()?.Status}|{body}", always))
        {
            return;
        }

        if (status is not null)
        {
            if (StatusVerdicts.LastOrDefault() != status.State)
            {
                StatusVerdicts.Add(status.State);
            }

            output.WriteLine($"    delivery team sees status '{status.Genre}/{status.Name}' on PR {id}: {status.State} — {status.Description}");
        }

        if (bot.Count > 1)
        {
            Problems.Add($"PR {id} has {bot.Count} bot threads instead of one");
        }

        if (body is not null && _lastThread.GetValueOrDefault(id) != body + bot[^1].Status)
        {
            _lastThread[id] = body + bot[^1].Status;
            output.WriteLine($"    the bot's thread on PR {id} ({bot.Count} thread, {bot[^1].Status}, edited in place):");
            foreach (var line in body.Split('\n'))
            {
                output.WriteLine("      │ " + line);
            }
        }
    }

    /// <summary>The bot's answer in the thread of the command just written on PR <paramref name="id"/>.</summary>
    private void ShowReply(int id)
    {
        var (_, threads, _) = ado.View(id, pullRequest: true, Genre, Name);
        if (threads.Count == 0 || threads[^1].Comments.LastOrDefault(c => CommandReplies.IsReply(c.Content)) is not { } reply)
        {
            Problems.Add($"the command on PR {id} got no answer in its thread");
            return;
        }

        output.WriteLine($"    the bot answers in the thread on PR {id}:");
        foreach (var line in CommandReplies.Text(reply.Content))
        {
            output.WriteLine("      │ " + line);
        }
    }

    /// <summary>The bot's answer, a new comment in the discussion of work item <paramref name="id"/>.</summary>
    private void ShowWorkItemReply(int id)
    {
        string? reply;
        lock (ado.Gate)
        {
            reply = ado.WorkItems[id].Comments.LastOrDefault(c => !c.IsDeleted) is { } last && CommandReplies.IsReply(last.Text) ? last.Text : null;
        }

        if (reply is null)
        {
            Problems.Add($"the command on work item {id} got no answer in its discussion");
            return;
        }

        output.WriteLine($"    the bot answers in the discussion of work item {id}:");
        foreach (var line in CommandReplies.Text(reply))
        {
            output.WriteLine("      │ " + line);
        }
    }

    private bool Changed(string key, string view, bool always)
    {
        if (!always && _lastView.GetValueOrDefault(key) == view)
        {
            return false;
        }

        _lastView[key] = view;
        return true;
    }

    private static IEnumerable<string> OwnedTags(string? tags) =>
        (tags ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(OwnedLabels.IsOwned);
}
