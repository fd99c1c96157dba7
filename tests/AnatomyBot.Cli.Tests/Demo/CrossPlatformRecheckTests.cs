using System.Security.Cryptography;
using AnatomyBot.Cli.Demo;
using AnatomyBot.Cli.Hosting;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.Hosting.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Tests.Demo;

/// <summary>Re-checks across platforms, end to end on both fakes through <c>serve</c> (signed webhooks, the SQLite inbox
/// and links ledger, both channels): changing an Azure Boards item re-checks the GitHub pull request citing it.</summary>
public sealed class CrossPlatformRecheckTests
{
    private const string AnatomyPath = ".github/anatomy.yml";

    [Fact]
    public async Task BoardsItemChanged_GitHubPullRequestCitingIt_TurnsGreenWithoutAPush()
    {
        var token = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var anatomy = SampleFiles.Read(SampleFiles.Anatomy);
        var hub = new FakeGitHub();
        var repo = hub.Repository("contoso", "onboarding");
        repo.Files[AnatomyPath] = anatomy;
        repo.Issues[4] = new FakeIssue
        {
            Number = 4,
            Title = "Call the KYC provider from the account service",
            Body = "Sends the new account's identity documents to the KYC provider.\n\nImplements AB#102",
            IsPullRequest = true,
            HeadSha = new string('a', 40),
        };
        repo.Issues[4].Files.AddRange(["src/Onboarding/Shared/Http/KycClient.cs"]);
        await using var githubApi = await FakeApiServer.StartAsync(hub, "/", token);
        var ado = new FakeAzureDevOps(new Uri("http://127.0.0.1/contoso/"), "Onboarding", "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c");
        ado.Repository("architecture", "cbd1a0e4-8f8e-4b05-9d54-2b2a0e2d7f31").Files["/anatomy.yml"] = anatomy;
        ado.WorkItems[101] = new FakeWorkItem { Id = 101, Type = "Epic", Title = "Verify customer identity with a KYC provider", Tags = "outcome:OUT-COMPLIANCE; stage:ST-ACCOUNT-CREATED" };
        ado.WorkItems[102] = new FakeWorkItem
        {
            Id = 102,
            Parent = 101,
            Title = "Call the KYC provider when an account is created",
            Description = "<div>Logic: LG-IDENTITY-VERIFICATION</div>",
            Tags = "team:kyc",
        };
        await using var adoApi = await FakeApiServer.StartAsync(ado, "/contoso/", token);

        var secret = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var hookSecret = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var overrides = new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = secret,
            ["GitHub:Token"] = "test-token-not-real",
            ["GitHub:BaseUrl"] = githubApi.BaseUrl.ToString(),
            ["GitHub:AnatomyPath"] = AnatomyPath,
            ["AzureDevOps:WebhookSecret"] = hookSecret,
            ["AzureDevOps:OrganizationUrl"] = adoApi.BaseUrl.ToString(),
            ["AzureDevOps:Project"] = "Onboarding",
            ["AzureDevOps:AuthMode"] = "Pat",
            ["AzureDevOps:PersonalAccessToken"] = "test-pat-not-real",
            ["AzureDevOps:Anatomy:Repository"] = "architecture",
            ["AzureDevOps:Anatomy:Path"] = "/anatomy.yml",
        };
        await using var app = ServeApplication.Build(new PipelineSettings { Store = Path.Combine(folder.Path, "ledger.db") }, port: 0, overrides: overrides, minimumLevel: LogLevel.Warning);
        await app.StartAsync(token);
        var inbox = app.Services.GetRequiredService<LocalInbox>();
        using var http = new HttpClient();
        var baseUrl = new Uri(app.Urls.First());
        var github = new GitHubWebhookSender(http, new Uri(baseUrl, "/api/github/webhooks"), secret, hub, () => githubApi.BaseUrl.ToString());
        var boards = new AzureDevOpsHookSender(http, new Uri(baseUrl, "/api/azure-devops/webhooks"), hookSecret, ado, () => adoApi.BaseUrl.ToString());

        Assert.Equal(202, (await github.SendAsync("pull_request", "opened", repo, 4, token)).Status.Code);
        await inbox.WaitIdleAsync(token);
        var before = Assert.Single(repo.CheckRuns);
        Assert.Equal("failure", before.Conclusion);

        lock (ado.Gate)
        {
            ado.WorkItems[102].Tags = "team:kyc; component:C-IDENTITY-VERIFICATION";
            ado.WorkItems[102].Rev++;
        }

        Assert.Equal(202, (await boards.SendAsync("workitem.updated", 102, token)).Status.Code);
        await inbox.WaitIdleAsync(token);

        var after = Assert.Single(repo.CheckRuns);
        Assert.Equal((new string('a', 40), "success"), (after.HeadSha, after.Conclusion));
        await app.StopAsync(token);
        Assert.Empty(hub.Unserved);
        Assert.Empty(ado.Unserved);
    }
}
