using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>Work-item discussion (the preview Comments API, <c>7.1-preview.4</c>): the list in pages of at most
/// <c>$top</c> (200 at most, newest first unless <c>order=asc</c>) continued by the answer's <c>continuationToken</c>;
/// one comment; add and update with <c>?format=markdown|html</c>; delete. Comments written here are by
/// <see cref="BotUniqueName"/>. Adding or editing a comment makes a revision of the work item that names it
/// (<c>commentVersionRef</c>), as <c>wit/workItems/{id}/revisions/{n}</c> (api-version 7.1) shows; a revision answers
/// with the item's current fields.</summary>
public sealed partial class FakeAzureDevOps
{
    /// <summary>The largest page the comments list returns.</summary>
    public const int MaxCommentPage = 200;

    private const string Comments = "wit/workItems/{workItemId}/comments";

    private void MapWorkItemComments()
    {
        MapApi(HttpMethod.Get, Comments, r => WithCommentsOf(r, item => ListComments(r, item)), apiVersion: CommentsApiVersion);
        MapApi(HttpMethod.Get, Comments + "/{commentId}", r => WithWorkItemComment(r, (item, comment) => FakeResponse.Json(CommentJson(item, comment))), apiVersion: CommentsApiVersion);
        MapApi(HttpMethod.Post, Comments, r => WithCommentsOf(r, item => WithText(r, (text, format) =>
            FakeResponse.Json(CommentJson(item, AddComment(item, text, format, BotUniqueName))))), apiVersion: CommentsApiVersion);
        MapApi(HttpMethod.Patch, Comments + "/{commentId}", r => WithWorkItemComment(r, (item, comment) => WithText(r, (text, format) =>
        {
            Edit(item, comment, text);
            comment.Format = format;
            return FakeResponse.Json(CommentJson(item, comment));
        })), apiVersion: CommentsApiVersion);
        MapApi(HttpMethod.Get, "wit/workItems/{id}/revisions/{revisionNumber}", r => WithWorkItem(r, item =>
            r.Number("revisionNumber") is { } revision && revision >= 1 && revision <= item.Rev
                ? FakeResponse.Json(RevisionJson(item, (int)revision))
                : Error(HttpStatusCode.NotFound, $"VS402322: Work item {item.Id} has no revision {r.Route("revisionNumber")}.")));
        MapApi(HttpMethod.Delete, Comments + "/{commentId}", r => WithWorkItemComment(r, (_, comment) =>
        {
            comment.IsDeleted = true;
            return new FakeResponse(HttpStatusCode.OK);
        }), apiVersion: CommentsApiVersion);
    }

    /// <summary>A person's comment on a work item's discussion (Markdown unless <paramref name="format"/> says
    /// <c>html</c>), as the service adds it: a new revision of the item names it.</summary>
    public FakeWorkItemComment Comment(int workItemId, string author, string text, string format = "markdown")
    {
        lock (Gate)
        {
            return AddComment(WorkItems[workItemId], text, format, author);
        }
    }

    /// <summary>A person edits a comment: its next version, named by a new revision of the item.</summary>
    public void EditComment(int workItemId, int commentId, string text)
    {
        lock (Gate)
        {
            var item = WorkItems[workItemId];
            Edit(item, item.Comments.Single(c => c.Id == commentId), text);
        }
    }

    private FakeWorkItemComment AddComment(FakeWorkItem item, string text, string format, string author)
    {
        var comment = new FakeWorkItemComment { Id = NextId(), Text = text, Format = format, Author = author };
        item.Comments.Add(comment);
        item.Rev++;
        item.CommentRevisions[item.Rev] = (comment.Id, comment.Version);
        return comment;
    }

    private static void Edit(FakeWorkItem item, FakeWorkItemComment comment, string text)
    {
        comment.Text = text;
        comment.Version++;
        item.Rev++;
        item.CommentRevisions[item.Rev] = (comment.Id, comment.Version);
    }

    /// <summary>The work item at <paramref name="revision"/>: its current fields, that revision's number and the comment
    /// it added or edited.</summary>
    private JsonObject RevisionJson(FakeWorkItem item, int revision)
    {
        var json = WorkItemJson(item);
        json["rev"] = revision;
        json["url"] = string.Create(CultureInfo.InvariantCulture, $"{WorkItemUrl(item.Id)}/revisions/{revision}");
        if (item.CommentRevisions.TryGetValue(revision, out var reference))
        {
            json["commentVersionRef"] = new JsonObject
            {
                ["commentId"] = reference.CommentId,
                ["version"] = reference.Version,
                ["url"] = string.Create(CultureInfo.InvariantCulture, $"{CommentsUrl(item.Id)}/{reference.CommentId}/versions/{reference.Version}"),
            };
        }

        return json;
    }

    private FakeResponse ListComments(FakeRequest request, FakeWorkItem item)
    {
        if (request.QueryValue("ids") is not null)
        {
            return Error(HttpStatusCode.BadRequest, "VS403506: Comments by ids are not served by this fake.");
        }

        var top = request.QueryNumber("$top") ?? MaxCommentPage;
        if (top is < 1 or > MaxCommentPage)
        {
            return Error(HttpStatusCode.BadRequest, $"VS403505: $top must be between 1 and {MaxCommentPage}.");
        }

        var includeDeleted = string.Equals(request.QueryValue("includeDeleted"), "true", StringComparison.OrdinalIgnoreCase);
        var ascending = string.Equals(request.QueryValue("order"), "asc", StringComparison.OrdinalIgnoreCase);
        var visible = item.Comments.Where(c => includeDeleted || !c.IsDeleted);
        var ordered = (ascending ? visible.OrderBy(c => c.Id) : visible.OrderByDescending(c => c.Id)).ToList();
        var start = 0;
        if (request.QueryValue("continuationToken") is { } token)
        {
            start = ordered.FindIndex(c => c.Id.ToString(CultureInfo.InvariantCulture) == token);
            if (start < 0)
            {
                return Error(HttpStatusCode.BadRequest, $"VS403504: The continuation token '{token}' is not valid.");
            }
        }

        var page = ordered.Skip(start).Take(top).ToList();
        var list = new JsonObject
        {
            ["totalCount"] = item.Comments.Count(c => !c.IsDeleted),
            ["count"] = page.Count,
            ["comments"] = new JsonArray([.. page.Select(c => (JsonNode)CommentJson(item, c))]),
            ["url"] = CommentsUrl(item.Id),
        };
        if (start + top < ordered.Count)
        {
            var next = ordered[start + top].Id.ToString(CultureInfo.InvariantCulture);
            list["continuationToken"] = next;
            list["nextPage"] = $"{CommentsUrl(item.Id)}?continuationToken={next}&$top={top}";
        }

        return FakeResponse.Json(list);
    }

    private FakeResponse WithCommentsOf(FakeRequest request, Func<FakeWorkItem, FakeResponse> answer) =>
        request.Number("workItemId") is { } id && WorkItems.TryGetValue((int)id, out var item)
            ? answer(item)
            : Error(HttpStatusCode.NotFound, $"TF401232: Work item {request.Route("workItemId")} does not exist, or you do not have permissions to read it.");

    private FakeResponse WithWorkItemComment(FakeRequest request, Func<FakeWorkItem, FakeWorkItemComment, FakeResponse> answer) =>
        WithCommentsOf(request, item => item.Comments.FirstOrDefault(c => c.Id == request.Number("commentId") && !c.IsDeleted) is { } comment
            ? answer(item, comment)
            : Error(HttpStatusCode.NotFound, $"VS402625: Comment {request.Route("commentId")} does not exist on work item {item.Id}."));

    /// <summary>The body's <c>text</c> and the required <c>format</c> (<c>markdown</c> or <c>html</c>), or 400.</summary>
    private static FakeResponse WithText(FakeRequest request, Func<string, string, FakeResponse> answer)
    {
        var format = request.QueryValue("format");
        if (format is not ("markdown" or "html"))
        {
            return Error(HttpStatusCode.BadRequest, "VS403503: format must be markdown or html.");
        }

        return request.Field("text") is { Length: > 0 } text
            ? answer(text, format)
            : Error(HttpStatusCode.BadRequest, "VS403502: The comment text cannot be empty.");
    }

    private JsonObject CommentJson(FakeWorkItem item, FakeWorkItemComment comment) => new()
    {
        ["workItemId"] = item.Id,
        ["id"] = comment.Id,
        ["version"] = comment.Version,
        ["text"] = comment.Text,
        ["format"] = comment.Format,
        ["createdBy"] = FakeAzureDevOpsJson.Identity(comment.Author),
        ["createdDate"] = "2026-11-16T09:00:00Z",
        ["modifiedBy"] = FakeAzureDevOpsJson.Identity(comment.Author),
        ["modifiedDate"] = "2026-11-16T09:00:00Z",
        ["isDeleted"] = comment.IsDeleted,
        ["url"] = string.Create(CultureInfo.InvariantCulture, $"{CommentsUrl(item.Id)}/{comment.Id}"),
    };

    private string CommentsUrl(int id) => WorkItemUrl(id) + "/comments";
}
