using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.Fakes.Tests.Conformance;

/// <summary>Every route a fake serves is an operation of the platform's published description, by method and path
/// template (GitHub's OpenAPI description; the Azure DevOps 7.1 wit, git and hooks specifications, optional segments left out allowed).</summary>
public sealed class RouteConformanceTests
{
    public static TheoryData<string, string> GitHubRoutes() => Routes(new FakeGitHub());

    public static TheoryData<string, string> AzureDevOpsRoutes() => Routes(new FakeAzureDevOps());

    [Theory]
    [MemberData(nameof(GitHubRoutes))]
    public void GitHubRoute_IsAnOperationOfGitHubsOpenApiDescription(string method, string template)
    {
        var github = GitHubDescription.Current;
        Assert.SkipWhen(github is null, "The conformance corpus is not in this checkout.");

        var operation = github.Find(method, template);

        Assert.True(operation is not null, $"{method} {template} is no operation of api.github.com.json");
    }

    [Theory]
    [MemberData(nameof(AzureDevOpsRoutes))]
    public void AzureDevOpsRoute_IsAnOperationOfThePublishedSpecification(string method, string template)
    {
        var ado = AzureDevOpsDescription.Current;
        Assert.SkipWhen(ado is null, "The conformance corpus is not in this checkout.");

        var operation = ado.Find(method, template);

        Assert.True(operation is not null, $"{method} {template} is no operation of the 7.1 wit, git or hooks specification");
        Assert.Contains("api-version", operation.Query.Keys);
    }

    [Theory]
    [InlineData("GET", "/repos/{owner}/{repo}/issues/{number}")]
    [InlineData("PUT", "/repos/{owner}/{repo}/check-runs")]
    [InlineData("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/labels")]
    public void GitHubDescription_RouteItDoesNotHave_IsNotFound(string method, string template)
    {
        var github = GitHubDescription.Current;
        Assert.SkipWhen(github is null, "The conformance corpus is not in this checkout.");

        Assert.Null(github.Find(method, template));
    }

    [Theory]
    [InlineData("PATCH", "/{organization}/{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}/iterations/{iterationId}/changes")]
    [InlineData("DELETE", "/{organization}/{project}/_apis/wit/wiql")]
    [InlineData("POST", "/{organization}/{project}/_apis/wit/wiqlx")]
    public void AzureDevOpsDescription_RouteItDoesNotHave_IsNotFound(string method, string template)
    {
        var ado = AzureDevOpsDescription.Current;
        Assert.SkipWhen(ado is null, "The conformance corpus is not in this checkout.");

        Assert.Null(ado.Find(method, template));
    }

    private static TheoryData<string, string> Routes(FakeApi fake)
    {
        using (fake)
        {
            var data = new TheoryData<string, string>();
            foreach (var route in fake.Routes)
            {
                data.Add(route.Method.Method, route.Template.Text);
            }

            return data;
        }
    }
}
