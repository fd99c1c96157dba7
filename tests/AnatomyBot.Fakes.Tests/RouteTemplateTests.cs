namespace AnatomyBot.Fakes.Tests;

public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("/repos/acme/shop/issues/5", true)]
    [InlineData("/repos/acme/shop/issues", false)]
    [InlineData("/repos/acme/shop/issues/5/comments", false)]
    [InlineData("/repos/acme/shop/Issues/5", false)]
    public void TryMatch_OneSegmentPerParameter_MatchesExactly(string path, bool expected)
    {
        var template = new RouteTemplate("/repos/{owner}/{repo}/issues/{issue_number}");

        Assert.Equal(expected, template.TryMatch(Segments(path), out _));
    }

    [Fact]
    public void TryMatch_EscapedSegment_IsUnescaped()
    {
        var template = new RouteTemplate("/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}");

        Assert.True(template.TryMatch(Segments("/repos/acme/shop/issues/5/labels/anatomy%3Ano-stage"), out var values));
        Assert.Equal("anatomy:no-stage", values["name"]);
    }

    [Fact]
    public void TryMatch_GreedyLastParameter_TakesTheRestOfThePath()
    {
        var template = new RouteTemplate("/repos/{owner}/{repo}/contents/{path}", greedyLast: true);

        Assert.True(template.TryMatch(Segments("/repos/acme/shop/contents/.github/anatomy.yml"), out var values));
        Assert.Equal(".github/anatomy.yml", values["path"]);
        Assert.False(template.TryMatch(Segments("/repos/acme/shop/contents"), out _));
    }

    [Fact]
    public void TryMatch_IgnoreCase_MatchesLiteralsInAnyCase()
    {
        var template = new RouteTemplate("/{organization}/{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}", ignoreCase: true);

        Assert.True(template.TryMatch(Segments("/contoso/Fabrikam/_apis/git/repositories/Web/pullrequests/5"), out var values));
        Assert.Equal(("Web", "5"), (values["repositoryId"], values["pullRequestId"]));
        Assert.Equal(4, template.Literals);
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
