using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.GitHub.Mapping;

namespace AnatomyBot.GitHub.Tests.Mapping;

public sealed class GitHubIssueMapperTests
{
    private const string Issue = """
        {
          "url": "https://api.github.com/repos/acme/shop/issues/42",
          "repository_url": "https://api.github.com/repos/acme/shop",
          "html_url": "https://github.com/acme/shop/issues/42",
          "id": 1842001,
          "node_id": "I_kwDOA1",
          "number": 42,
          "title": "Seasonal discount rules",
          "user": { "login": "octocat", "id": 1, "type": "User", "site_admin": false },
          "labels": [
            { "id": 208045946, "node_id": "MDU6TGFiZWwyMDgwNDU5NDY=", "name": "component:C-PRICING-RULES", "color": "f29513", "default": false },
            { "id": 208045947, "name": "Feature", "color": "a2eeef", "default": false }
          ],
          "state": "open",
          "locked": false,
          "comments": 0,
          "created_at": "2026-11-20T10:00:00Z",
          "body": "Stage: S-PRICE\n\nParent: #7",
          "type": null,
          "parent_issue_url": "https://api.github.com/repos/acme/shop/issues/40"
        }
        """;

    [Fact]
    public void Map_Issue_AllFields()
    {
        var item = GitHubIssueMapper.Map(Parse(Issue)).Item!;

        Assert.Equal("acme/shop#42", item.Id);
        Assert.Equal(ItemSource.GitHub, item.Source);
        Assert.Equal(ItemKind.Feature, item.Kind);
        Assert.Equal("Seasonal discount rules", item.Title);
        Assert.Equal(BodyFormat.Markdown, item.BodyFormat);
        Assert.Equal(["component:C-PRICING-RULES", "Feature"], item.Labels);
        Assert.Equal("acme/shop#40", item.ParentId);
        Assert.Equal("octocat", item.Author);
        Assert.Equal("acme/shop", item.Scope);
        Assert.Equal("https://github.com/acme/shop/issues/42", item.Url);
        Assert.True(item.IsOpen);
    }

    [Fact]
    public void Map_PullRequestKey_MakesAPullRequest_BotAuthor()
    {
        var json = """
            {"number":7,"title":"Bump lib","html_url":"https://github.com/acme/shop/pull/7","state":"closed","body":null,
             "user":{"login":"renovate","type":"Bot"},"labels":[],
             "pull_request":{"url":"https://api.github.com/repos/acme/shop/pulls/7","html_url":"https://github.com/acme/shop/pull/7","merged_at":null}}
            """;

        var item = GitHubIssueMapper.Map(Parse(json)).Item!;

        Assert.Equal(ItemKind.PullRequest, item.Kind);
        Assert.Equal("acme/shop#7", item.Id);
        Assert.Equal("renovate[bot]", item.Author);
        Assert.Equal("", item.Body);
        Assert.False(item.IsOpen);
        Assert.Null(item.ParentId);
    }

    [Theory]
    [InlineData("Epic", new string[0], ItemKind.Epic)]
    [InlineData("Bug", new[] { "epic" }, ItemKind.Other)]
    [InlineData("User Story", new string[0], ItemKind.Story)]
    [InlineData("Initiative", new string[0], ItemKind.Other)]
    [InlineData(null, new[] { "help wanted", "EPIC" }, ItemKind.Epic)]
    [InlineData(null, new[] { "bug", "feature" }, ItemKind.Feature)]
    [InlineData(null, new[] { "task" }, ItemKind.Other)]
    [InlineData(null, new[] { "bug" }, ItemKind.Other)]
    [InlineData(null, new[] { "story" }, ItemKind.Story)]
    [InlineData(null, new string[0], ItemKind.Story)]
    public void KindOf_TypeThenLabelsThenStory(string? type, string[] labels, ItemKind kind)
        => Assert.Equal(kind, GitHubIssueMapper.KindOf(type, labels));

    [Fact]
    public void Map_IssueType_FromTypeObject()
    {
        var json = """{"number":1,"title":"x","repository_url":"https://api.github.com/repos/a/b","type":{"id":3,"name":"Epic","color":"blue"}}""";

        Assert.Equal(ItemKind.Epic, GitHubIssueMapper.Map(Parse(json)).Item!.Kind);
    }

    [Theory]
    [InlineData("""{"title":"no number","repository_url":"https://api.github.com/repos/a/b"}""")]
    [InlineData("""{"number":3,"title":"no repository"}""")]
    [InlineData("42")]
    public void Map_Unidentifiable_IsAFailure(string json) => Assert.False(GitHubIssueMapper.Map(Parse(json)).IsSuccess);

    [Fact]
    public void RepositoryOf_FromHtmlUrlWhenNoApiUrl()
        => Assert.Equal("o/r", GitHubIssueMapper.RepositoryOf(null, "https://github.com/o/r/issues/1"));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
