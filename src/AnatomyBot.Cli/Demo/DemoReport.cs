using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Cli.Demo;

/// <summary>Prints what each audience sees after every step (labels and tags for product owners, the PR comment and check,
/// the Azure DevOps thread and status for delivery teams, the digest for governance) and checks the story the demo tells.</summary>
internal sealed class DemoReport(TextWriter output, FakeGitHub hub, FakeGitHubRepository repo, AzureDevOpsView azureDevOps)
{
    private readonly List<string> _verdicts = [];
    private readonly List<string> _problems = [];
    private readonly Dictionary<int, string> _lastComment = [];
    private readonly Dictionary<int, string> _lastView = [];
    private int _steps;
    private int _writesSeen;

    public void Intro(Uri endpoint, Uri api, Uri hooks, Uri organization, string store)
    {
        output.WriteLine("AnatomyBot demo: one week of the Contoso customer-onboarding value stream");
        output.WriteLine($"  webhooks      {endpoint} (signed with a secret generated for this run)");
        output.WriteLine($"  GitHub        {api} (local fake of the REST API; nothing leaves this machine)");
        output.WriteLine($"  service hooks {hooks} (basic auth with a secret generated for this run)");
        output.WriteLine($"  Azure DevOps  {organization} (local fake of the REST API, api-version 7.1)");
        output.WriteLine($"  ledger        {store}");
        output.WriteLine();
    }

    public void Step(DemoStep step)
    {
        _steps++;
        output.WriteLine($"[{_steps}] {step.At:ddd yyyy-MM-dd HH:mm} {step.Say}");
    }

    public void Acknowledged(SentDelivery sent)
    {
        output.WriteLine($"    webhook {sent.EventName} {sent.Id[..8]}… → {sent.Status.Code} {sent.Status.Reason}");
        if (sent.Status.Code != 202)
        {
            _problems.Add($"delivery {sent.Id} was answered {sent.Status.Code} {sent.Status.Reason}");
        }
    }

    /// <summary>Prints what changed for people on every item of both platforms since the last step (and the step's own
    /// item always).</summary>
    public void Show(DemoStep step)
    {
        int[] numbers;
        lock (hub.Gate)
        {
            numbers = [.. repo.Issues.Keys];
        }

        var total = GitHubWrites.Count + azureDevOps.Writes.Count;
        output.WriteLine($"    API writes by the bot for this step: {total - _writesSeen}");
        _writesSeen = total;
        foreach (var number in numbers)
        {
            ShowItem(number, always: !step.OnAzureDevOps && number == step.Number);
        }

        if (!step.OnAzureDevOps && step.IsComment)
        {
            ShowReply(step.Number);
        }

        azureDevOps.Show(step);
    }

    private void ShowItem(int number, bool always)
    {
        var (labels, comments, check) = hub.View(repo.Owner, repo.Name, number);
        var owned = labels.Where(l => l.StartsWith(GapCodes.LabelPrefix, StringComparison.Ordinal)).ToList();
        var botComments = comments.Where(c => Markers.IsBotComment(c.Body)).ToList();
        var view = $"{string.Join(",", owned)}|{check?.Conclusion}|{check?.Title}|{botComments.LastOrDefault()?.Body}";
        if (!always && _lastView.GetValueOrDefault(number) == view)
        {
            return;
        }

        _lastView[number] = view;
        output.WriteLine($"    product owner sees on #{number}: {(owned.Count == 0 ? "no gap labels" : string.Join(", ", owned))}");
        if (check is not null)
        {
            if (_verdicts.LastOrDefault() != check.Conclusion)
            {
                _verdicts.Add(check.Conclusion ?? check.Status);
            }

            output.WriteLine($"    delivery team sees check 'anatomy' on #{number}: {check.Conclusion ?? check.Status} — {check.Title}");
        }

        if (botComments.Count > 1)
        {
            _problems.Add($"#{number} has {botComments.Count} bot comments instead of one");
        }

        if (botComments.LastOrDefault() is { } comment && _lastComment.GetValueOrDefault(number) != comment.Body)
        {
            _lastComment[number] = comment.Body;
            output.WriteLine($"    the bot's comment on #{number} ({botComments.Count} comment, edited in place):");
            foreach (var line in comment.Body.Split('\n'))
            {
                output.WriteLine("      │ " + line);
            }
        }
    }

    /// <summary>The bot's answer to the command just written on #<paramref name="number"/>.</summary>
    private void ShowReply(int number)
    {
        var (_, comments, _) = hub.View(repo.Owner, repo.Name, number);
        if (comments.LastOrDefault(c => CommandReplies.IsReply(c.Body)) is not { } reply)
        {
            _problems.Add($"the command on #{number} got no answer");
            return;
        }

        output.WriteLine($"    the bot answers on #{number}:");
        foreach (var line in CommandReplies.Text(reply.Body))
        {
            output.WriteLine("      │ " + line);
        }
    }

    public void Digest(string path)
    {
        output.WriteLine();
        output.WriteLine($"Governance: the weekly digest is written to {path}");
        output.WriteLine($"API writes made by the bot this week: {GitHubWrites.Count} on GitHub ({Tally(GitHubWrites)}), {azureDevOps.Writes.Count} on Azure DevOps ({Tally(azureDevOps.Writes)})");
    }

    /// <param name="digestPath">Where the digest should be.</param>
    /// <param name="unserved">API calls the local fakes had no route for.</param>
    public DemoResult Result(string digestPath, IReadOnlyList<string> unserved)
    {
        _problems.AddRange(unserved.Distinct().Select(call => $"the bot called {call}, which the local fake API does not serve"));
        if (!_verdicts.Contains("failure"))
        {
            _problems.Add("the pull request never got a failing check before its fix");
        }

        if (_verdicts.LastOrDefault() != "success" && !_verdicts.Skip(_verdicts.IndexOf("failure") + 1).Contains("success"))
        {
            _problems.Add("the pull request's check did not turn to success after the fix");
        }

        if (!File.Exists(digestPath))
        {
            _problems.Add("the digest was not written");
        }

        azureDevOps.Check();
        _problems.AddRange(azureDevOps.Problems);

        foreach (var problem in _problems)
        {
            output.WriteLine("PROBLEM: " + problem);
        }

        return new DemoResult(digestPath, _verdicts, _problems);
    }

    private List<string> GitHubWrites => [.. hub.Writes.Select(w => w.ToString())];

    private static string Tally(IEnumerable<string> writes) =>
        string.Join(", ", writes.GroupBy(w => w.Split(' ')[0]).Select(g => $"{g.Count()} {g.Key}"));
}
