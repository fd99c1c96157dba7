using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>The issue and pull-request shapes (<c>issue</c>, <c>pull-request</c>) of <see cref="FakeGitHubJson"/>.</summary>
public static partial class FakeGitHubJson
{
    public static JsonObject Issue(string api, FakeGitHubRepository repo, FakeIssue issue, bool parentUrls = true)
    {
        var url = $"{api}repos/{repo.FullName}/issues/{issue.Number}";
        var closed = issue.State is "closed" or "merged";
        var id = IssueId(repo, issue);
        var json = new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId(issue.IsPullRequest ? "PR" : "I", id),
            ["url"] = url,
            ["repository_url"] = $"{api}repos/{repo.FullName}",
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["html_url"] = HtmlUrl(repo, issue),
            ["number"] = issue.Number,
            ["state"] = closed ? "closed" : "open",
            ["state_reason"] = closed ? "completed" : null,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = User(api, issue.Author),
            ["labels"] = Labels(api, repo, issue.Labels),
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = issue.Comments.Count,
            ["closed_at"] = closed ? Time(issue.ClosedTime) : null,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.CreatedAt),
            ["timeline_url"] = url + "/timeline",
            ["author_association"] = "MEMBER",
        };
        if (issue.IsPullRequest)
        {
            var pull = $"{Web}{repo.FullName}/pull/{issue.Number}";
            json["draft"] = false;
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{api}repos/{repo.FullName}/pulls/{issue.Number}",
                ["html_url"] = pull,
                ["diff_url"] = pull + ".diff",
                ["patch_url"] = pull + ".patch",
                ["merged_at"] = issue.State == "merged" ? Time(issue.ClosedTime) : null,
            };
        }
        else
        {
            json["type"] = issue.Type is { } type ? IssueType(type) : null;
        }

        if (parentUrls && !issue.IsPullRequest)
        {
            json["parent_issue_url"] = issue.Parent is { } parent ? $"{api}repos/{repo.FullName}/issues/{parent}" : null;
        }

        return json;
    }

    public static JsonObject PullRequest(string api, FakeGitHubRepository repo, FakeIssue pr)
    {
        var url = $"{api}repos/{repo.FullName}/pulls/{pr.Number}";
        var issueUrl = $"{api}repos/{repo.FullName}/issues/{pr.Number}";
        var html = $"{Web}{repo.FullName}/pull/{pr.Number}";
        var statuses = $"{api}repos/{repo.FullName}/statuses/{pr.HeadSha}";
        var merged = pr.State == "merged";
        var closed = merged || pr.State == "closed";
        var id = IssueId(repo, pr);
        var head = pr.HeadRepository is { } fork && fork.Split('/') is [var owner, var name]
            ? Repository(api, owner, name, StableId(fork))
            : Repository(api, repo);
        return new JsonObject
        {
            ["url"] = url,
            ["id"] = id,
            ["node_id"] = NodeId("PR", id),
            ["html_url"] = html,
            ["diff_url"] = html + ".diff",
            ["patch_url"] = html + ".patch",
            ["issue_url"] = issueUrl,
            ["commits_url"] = url + "/commits",
            ["review_comments_url"] = url + "/comments",
            ["review_comment_url"] = $"{api}repos/{repo.FullName}/pulls/comments{{/number}}",
            ["comments_url"] = issueUrl + "/comments",
            ["statuses_url"] = statuses,
            ["number"] = pr.Number,
            ["state"] = closed ? "closed" : "open",
            ["locked"] = false,
            ["title"] = pr.Title,
            ["user"] = User(api, pr.Author),
            ["body"] = pr.Body,
            ["labels"] = Labels(api, repo, pr.Labels),
            ["milestone"] = null,
            ["active_lock_reason"] = null,
            ["created_at"] = Time(pr.CreatedAt),
            ["updated_at"] = Time(pr.CreatedAt),
            ["closed_at"] = closed ? Time(pr.ClosedTime) : null,
            ["merged_at"] = merged ? Time(pr.ClosedTime) : null,
            ["merge_commit_sha"] = merged ? Sha("merge " + pr.HeadSha) : null,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["requested_reviewers"] = new JsonArray(),
            ["requested_teams"] = new JsonArray(),
            ["head"] = Ref(api, head, (string)head["owner"]!["login"]!, "feature/" + pr.Number, pr.HeadSha),
            ["base"] = Ref(api, Repository(api, repo), repo.Owner, repo.DefaultBranch, Sha("base " + repo.FullName)),
            ["_links"] = new JsonObject
            {
                ["self"] = Link(url),
                ["html"] = Link(html),
                ["issue"] = Link(issueUrl),
                ["comments"] = Link(issueUrl + "/comments"),
                ["review_comments"] = Link(url + "/comments"),
                ["review_comment"] = Link($"{api}repos/{repo.FullName}/pulls/comments{{/number}}"),
                ["commits"] = Link(url + "/commits"),
                ["statuses"] = Link(statuses),
            },
            ["author_association"] = "MEMBER",
            ["auto_merge"] = null,
            ["draft"] = false,
            ["merged"] = merged,
            ["mergeable"] = closed ? null : true,
            ["rebaseable"] = closed ? null : true,
            ["mergeable_state"] = closed ? "unknown" : "clean",
            ["merged_by"] = merged ? User(api, repo.Owner) : null,
            ["comments"] = pr.Comments.Count,
            ["review_comments"] = 0,
            ["maintainer_can_modify"] = false,
            ["commits"] = 1,
            ["additions"] = pr.Files.Count * 10,
            ["deletions"] = pr.Files.Count * 2,
            ["changed_files"] = pr.Files.Count,
        };
    }
}
