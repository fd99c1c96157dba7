using System.Net;
using System.Text.Json;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary><c>check --github</c> and <c>check --azure-devops</c>: the built CLI reads the fakes over loopback through the
/// bot's own clients; every request is asserted.</summary>
public sealed class LiveCheckTests
{
    private const string Token = "ghp_fake_for_tests";
    private const string Pat = "ado-pat-for-tests";

    [Fact]
    public async Task CheckGitHub_TwoRepositoriesAcrossPages_EveryOpenItemReadAnatomyFromTheOrganizationWithAnETag304()
    {
        var hub = new FakeGitHub();
        hub.Repository("contoso", ".github").Files[".github/anatomy.yml"] = await File.ReadAllTextAsync(CheckCli.Fixture("anatomy.yml"));
        var shop = hub.Repository("contoso", "shop");
        for (var n = 1; n <= 205; n++)
        {
            shop.Issues[n] = Story(n, n == 3 ? "closed" : "open");
        }

        var pr = new FakeIssue { Number = 206, IsPullRequest = true, Title = "Regional limits", Body = "Fixes #12", HeadSha = "a1b2c3" };
        pr.Files.AddRange(["src/Pricing/Limits.cs", "README.md"]);
        shop.Issues[206] = pr;
        hub.Repository("contoso", "billing").Issues[1] = Story(1, "open");
        await using var server = await FakeApiServer.StartAsync(hub, "/", CancellationToken.None);

        var result = await CliRunner.RunAsync(
            ["check", "--github", "contoso/shop", "--github", "contoso/billing", "--format", "json", "--fail-on", "never"],
            new CliRunOptions { Environment = GitHubEnvironment(server.BaseUrl), Unset = ["GITHUB_*", "GH_*"] });

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(206, items.Count);
        Assert.DoesNotContain("contoso/shop#3", items.Keys);
        Assert.Equal("pull-request", items["contoso/shop#206"].GetProperty("kind").GetString());
        Assert.Equal(["C-PRICING-RULES"], items["contoso/shop#206"].GetProperty("trace").GetProperty("components").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("read 206 open items from contoso/shop, contoso/billing with 9 GitHub API calls (GITHUB_TOKEN)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(
            [
                "GET /repos/contoso/shop/contents/.github/anatomy.yml",
                "GET /repos/contoso/.github/contents/.github/anatomy.yml",
                "GET /repos/contoso/shop/issues?state=open&per_page=100&page=1",
                "GET /repos/contoso/shop/issues?state=open&per_page=100&page=2",
                "GET /repos/contoso/shop/issues?state=open&per_page=100&page=3",
                "GET /repos/contoso/shop/pulls/206/files?per_page=100",
                "GET /repos/contoso/billing/contents/.github/anatomy.yml",
                "GET /repos/contoso/.github/contents/.github/anatomy.yml",
                "GET /repos/contoso/billing/issues?state=open&per_page=100&page=1",
            ],
            hub.Requests.Select(r => r.ToString()));
        Assert.All(hub.Requests, r => Assert.Equal($"token {Token}", r.Authorization, ignoreCase: true));
        Assert.Equal(1, hub.NotModified);
        hub.AssertAllServed();
    }

    [Fact]
    public async Task CheckGitHub_TokenRefused_ExitsTwoWithAClearMessageAndNoReport()
    {
        var hub = new FakeGitHub();
        hub.Repository("contoso", "shop").Issues[1] = Story(1, "open");
        hub.Fail(HttpMethod.Get, "^/repos/contoso/shop/issues$", HttpStatusCode.Unauthorized);
        await using var server = await FakeApiServer.StartAsync(hub, "/", CancellationToken.None);

        var result = await CliRunner.RunAsync(
            ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--github", "contoso/shop"],
            new CliRunOptions { Environment = GitHubEnvironment(server.BaseUrl), Unset = ["GITHUB_*", "GH_*"] });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            "check: GitHub refused the credentials (401 Unauthorized) reading contoso/shop with GITHUB_TOKEN: set GITHUB_TOKEN to a valid token that can read its issues and pull requests, or sign in with `gh auth login`",
            result.Stderr.Trim());
        Assert.Equal(["GET /repos/contoso/shop/issues?state=open&per_page=100&page=1"], hub.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task CheckAzureDevOps_OpenItemsWithAncestorsAndPullRequests_ReadWithThePat()
    {
        var ado = new FakeAzureDevOps();
        ado.WorkItems[1] = new FakeWorkItem { Id = 1, Type = "Epic", Title = "Pricing", State = "Closed", Description = "Outcome: OUT-FEWER-PRICING-ERRORS" };
        ado.WorkItems[2] = new FakeWorkItem { Id = 2, Type = "Feature", Title = "Regional limits", Description = "Stage: ST-PRICED", Parent = 1 };
        ado.WorkItems[3] = new FakeWorkItem { Id = 3, Type = "User Story", Title = "Limit per region", Description = "Component: C-PRICING-RULES", Parent = 2 };
        ado.Repository(FakeAzureDevOps.DefaultRepository, FakeAzureDevOps.DefaultRepositoryId);
        var pr = new FakePullRequest { Number = 7, Title = "Limits" };
        pr.WorkItemIds.Add(3);
        pr.ChangedPaths.Add("/src/Pricing/Limits.cs");
        ado.PullRequests.Add(pr);
        await using var server = await FakeApiServer.StartAsync(ado, $"/{ado.Organization}/", CancellationToken.None);

        var result = await CliRunner.RunAsync(
            ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--azure-devops", $"{server.BaseUrl}{ado.Project}", "--format", "json", "--fail-on", "never"],
            new CliRunOptions { Environment = new Dictionary<string, string> { ["AZURE_DEVOPS_EXT_PAT"] = Pat }, Unset = ["SYSTEM_ACCESSTOKEN", "AzureDevOps__*"] });

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(["1", "2", "3"], items.Keys.Where(k => !k.Contains('!', StringComparison.Ordinal)).Order());
        Assert.Contains("OUT-FEWER-PRICING-ERRORS", items["3"].GetProperty("trace").GetProperty("outcomes").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(items.Keys, k => k.Contains('!', StringComparison.Ordinal));
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(":" + Pat));
        Assert.All(ado.Requests, r => Assert.Equal(basic, r.Authorization));
        Assert.DoesNotContain(ado.Requests, r => r.IsWrite);
        Assert.Equal(
            [
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Epic/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Feature/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/User Story/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Product Backlog Item/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Requirement/states?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
                $"GET /contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullrequests/7?api-version=7.1",
                $"GET /contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/7/workitems?api-version=7.1",
                $"GET /contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/7/iterations?api-version=7.1",
                $"GET /contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/7/iterations/1/changes?$top=1000&$skip=0&api-version=7.1",
            ],
            ado.Requests.Select(r => Uri.UnescapeDataString(r.ToString())));
        ado.AssertAllServed();
    }

    [Fact]
    public async Task CheckAzureDevOps_TokenRefused_ExitsTwoWithAClearMessage()
    {
        var ado = new FakeAzureDevOps();
        ado.Fail(HttpMethod.Post, "/_apis/wit/wiql$", HttpStatusCode.Unauthorized);
        await using var server = await FakeApiServer.StartAsync(ado, $"/{ado.Organization}/", CancellationToken.None);

        var result = await CliRunner.RunAsync(
            ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--azure-devops", $"{server.BaseUrl}{ado.Project}"],
            new CliRunOptions { Environment = new Dictionary<string, string> { ["SYSTEM_ACCESSTOKEN"] = Pat }, Unset = ["AZURE_DEVOPS_EXT_PAT", "AzureDevOps__*"] });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"check: Azure DevOps refused the credentials (401 Unauthorized) for {server.BaseUrl}{ado.Project} with SYSTEM_ACCESSTOKEN", result.Stderr, StringComparison.Ordinal);
        Assert.All(ado.Requests, r => Assert.Equal($"Bearer {Pat}", r.Authorization));
        Assert.Single(ado.Requests, r => r.Method == HttpMethod.Post);
    }

    /// <summary>The operations the live read pages through describe their own paging in the published 7.1 specifications:
    /// WIQL by <c>$top</c> (the bot pages by id, <c>[System.Id] &gt; last</c>) and the project's pull requests by
    /// <c>$skip</c>/<c>$top</c>; neither describes a continuation token, and no operation the read uses describes an ETag
    /// or <c>If-None-Match</c>, so there is no 304 to test on Azure DevOps (the continuation token of
    /// <c>git/policy/configurations</c> is followed by <c>doctor</c>).</summary>
    [Fact]
    public async Task CheckAzureDevOps_BacklogAcrossSeveralPages_EveryOpenItemReadOncePageByPage()
    {
        var ado = new FakeAzureDevOps();
        for (var id = 1; id <= 1050; id++)
        {
            ado.WorkItems[id] = new FakeWorkItem { Id = id, Title = $"Story {id}", State = id == 7 ? "Closed" : "Active", Description = "Stage: ST-PRICED\nComponent: C-PRICING-RULES" };
        }

        for (var number = 1; number <= 101; number++)
        {
            var pr = new FakePullRequest { Number = number, Title = $"Change {number}" };
            pr.WorkItemIds.Add(number);
            ado.PullRequests.Add(pr);
        }

        var validator = ExchangeValidator.ForAzureDevOps()?.Attach(ado);
        await using var server = await FakeApiServer.StartAsync(ado, $"/{ado.Organization}/", CancellationToken.None);

        var result = await CliRunner.RunAsync(
            ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--azure-devops", $"{server.BaseUrl}{ado.Project}", "--format", "json", "--fail-on", "never"],
            new CliRunOptions { Environment = new Dictionary<string, string> { ["AZURE_DEVOPS_EXT_PAT"] = Pat }, Unset = ["SYSTEM_ACCESSTOKEN", "AzureDevOps__*"] });

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(1049, ids.Count(i => !i.Contains('!', StringComparison.Ordinal)));
        Assert.DoesNotContain("7", ids);
        Assert.Equal(101, ids.Count(i => i.Contains('!', StringComparison.Ordinal)));
        var requests = ado.Requests.Select(r => (Text: Uri.UnescapeDataString(r.ToString()), r.Body)).ToList();
        Assert.Equal(
            [
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=100&$top=100&api-version=7.1",
            ],
            requests.Where(r => r.Text.Contains("/wiql", StringComparison.Ordinal) || r.Text.Contains("/git/pullrequests?", StringComparison.Ordinal)).Select(r => r.Text));
        var wiql = requests.Where(r => r.Text.Contains("/wiql", StringComparison.Ordinal)).ToList();
        Assert.Contains("[System.Id] > 0 ", Query(wiql[0].Body), StringComparison.Ordinal);
        Assert.Contains("[System.Id] > 1001 ", Query(wiql[1].Body), StringComparison.Ordinal);
        Assert.Equal(6, requests.Count(r => r.Text.EndsWith("/wit/workitemsbatch?api-version=7.1", StringComparison.Ordinal)));
        Assert.Equal(101, requests.Count(r => r.Text.EndsWith("/changes?$top=1000&$skip=0&api-version=7.1", StringComparison.Ordinal)));
        Assert.Contains($"read 1,150 items from {server.BaseUrl}{ado.Project} with {requests.Count:N0} Azure DevOps API calls (AZURE_DEVOPS_EXT_PAT)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(ado.Requests, r => r.IsWrite);
        ado.AssertAllServed();
        validator?.AssertConforms();
    }

    [Fact]
    public async Task CheckAzureDevOps_TokenRefusedAfterTwoListingPages_ExitsTwoWithNoPartialReport()
    {
        var ado = new FakeAzureDevOps();
        for (var id = 1; id <= 1001; id++)
        {
            ado.WorkItems[id] = new FakeWorkItem { Id = id };
        }

        await using var server = await FakeApiServer.StartAsync(ado, $"/{ado.Organization}/", CancellationToken.None);
        ado.Queue(HttpMethod.Post, "/_apis/wit/workitemsbatch$", () => FakeAzureDevOps.Status(HttpStatusCode.Unauthorized, "TF400813: The user is not authorized to access this resource."));

        var result = await CliRunner.RunAsync(
            ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--azure-devops", $"{server.BaseUrl}{ado.Project}"],
            new CliRunOptions { Environment = new Dictionary<string, string> { ["AZURE_DEVOPS_EXT_PAT"] = Pat }, Unset = ["SYSTEM_ACCESSTOKEN", "AzureDevOps__*"] });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            $"check: Azure DevOps refused the credentials (401 Unauthorized) for {server.BaseUrl}{ado.Project} with AZURE_DEVOPS_EXT_PAT: the token is wrong or expired; it needs Work Items (read) and Code (read)",
            result.Stderr.Trim());
        Assert.Equal(
            [
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Epic/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Feature/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/User Story/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Product Backlog Item/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Requirement/states?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
            ],
            ado.Requests.Select(r => Uri.UnescapeDataString(r.ToString())));
    }

    [Fact]
    public async Task CheckWiqlResult_WithAPat_FetchesTheListedItemsWithWorkItemsBatch()
    {
        var ado = new FakeAzureDevOps();
        ado.WorkItems[1] = new FakeWorkItem { Id = 1, Type = "Feature", Title = "Regional limits", Description = "Stage: ST-PRICED" };
        ado.WorkItems[2] = new FakeWorkItem { Id = 2, Type = "User Story", Title = "Limit per region", Description = "Component: C-PRICING-RULES", Parent = 1 };
        await using var server = await FakeApiServer.StartAsync(ado, $"/{ado.Organization}/", CancellationToken.None);
        using var folder = new TempDirectory();
        var itemUrl = $"{server.BaseUrl}{FakeAzureDevOps.DefaultProjectId}/_apis/wit/workItems/2";
        var wiql = folder.File("wiql.json", "{\"queryType\":\"flat\",\"queryResultType\":\"workItem\",\"columns\":[],\"workItems\":[{\"id\":2,\"url\":\"" + itemUrl + "\"}]}");

        var result = await CliRunner.RunAsync(
            ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--backlog", wiql, "--format", "json", "--fail-on", "never"],
            new CliRunOptions { Environment = new Dictionary<string, string> { ["AZURE_DEVOPS_EXT_PAT"] = Pat }, Unset = ["SYSTEM_ACCESSTOKEN", "AzureDevOps__*"] });

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["1", "2"], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(
            [
                $"POST /contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/wit/workitemsbatch?api-version=7.1",
                $"POST /contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/wit/workitemsbatch?api-version=7.1",
            ],
            ado.Requests.Select(r => r.ToString()));
        Assert.Contains("fetched 2 work items of the WIQL result (2)", result.Stderr, StringComparison.Ordinal);
    }

    private static string Query(string wiqlBody)
    {
        using var body = JsonDocument.Parse(wiqlBody);
        return body.RootElement.GetProperty("query").GetString()!;
    }

    private static Dictionary<string, string> GitHubEnvironment(Uri api) => new()
    {
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_API_URL"] = api.ToString(),
    };

    private static FakeIssue Story(int number, string state)
    {
        var issue = new FakeIssue { Number = number, Title = $"Story {number}", Body = "Stage: ST-PRICED\nComponent: C-PRICING-RULES", State = state };
        issue.Labels.Add("story");
        return issue;
    }
}
