using System.Text.Json;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;

namespace AnatomyBot.GitHub.Events;

/// <summary>Maps a delivery body to <see cref="WebhookFacts"/> at the boundary: through Octokit.Webhooks' typed events
/// first, and from the raw JSON when the library has no type for the event or the payload lacks a field it requires
/// (newer or older GitHub versions). Returns null only when the body is not a JSON object at all.</summary>
public static class WebhookFactsReader
{
    private static readonly WebhookEventDeserializer Deserializer = new();

    public static WebhookFacts? Read(string eventName, string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Core.Pipeline.JsonLimits.MaxDepth });
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var raw = RawWebhookFacts.Read(eventName, root);
            var typed = TryDeserialize(eventName, body);
            return typed is null ? raw : FromTyped(typed, raw);
        }
    }

    private static WebhookEvent? TryDeserialize(string eventName, string body)
    {
        try
        {
            return Deserializer.Deserialize(eventName, body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Typed values win; facts the typed model does not carry (transfer target) come from the raw reading.</summary>
    private static WebhookFacts FromTyped(WebhookEvent typed, WebhookFacts raw)
    {
        var repository = typed.Repository is { } r ? RepositoryId.TryCreate(r.Owner.Login, r.Name) : raw.Repository;
        var facts = raw with
        {
            Action = typed.Action ?? raw.Action,
            Repository = repository,
            InstallationId = typed.Installation?.Id ?? raw.InstallationId,
            DefaultBranch = typed.Repository?.DefaultBranch ?? raw.DefaultBranch,
        };
        return typed switch
        {
            PullRequestEvent pr => facts with { Number = (int)pr.PullRequest.Number },
            IssuesEvent issue => facts with { Number = (int)issue.Issue.Number },
            IssueCommentEvent comment => facts with { Number = (int)comment.Issue.Number, OnPullRequest = comment.Issue.PullRequest is not null },
            SubIssuesEvent sub when sub.SubIssue is not null
                && (sub.SubIssueRepo is { } repo ? RepositoryId.TryCreate(repo.Owner.Login, repo.Name) : repository) is { } subRepository => facts with
            {
                SubIssue = new IssueId(subRepository, (int)sub.SubIssue.Number),
            },
            PushEvent push => facts with
            {
                Ref = push.Ref,
                TouchedPaths = [.. push.Commits.SelectMany(c => c.Added.Concat(c.Modified).Concat(c.Removed)).Distinct(StringComparer.Ordinal)],
                TouchedPathsIncomplete = push.Commits.Count >= 20,
            },
            _ => facts,
        };
    }
}
