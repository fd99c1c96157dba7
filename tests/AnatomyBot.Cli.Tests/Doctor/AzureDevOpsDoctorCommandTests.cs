using System.Net;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.Cli.Tests.Doctor;

/// <summary><c>anatomybot doctor</c> for Azure DevOps, run as a process against the Azure DevOps fake served on loopback,
/// every exchange held to the published 7.1 specifications: a healthy set-up passes every check, and each broken
/// precondition fails exactly its own check, with its fix, and exit code 1. The specifications this project holds (git,
/// hooks, wit) have no <c>connectionData</c> and no policy area: the credential is probed with a one-row WIQL query and
/// branch policies are read through the Git specification's <c>git/policy/configurations</c>, paged by its
/// <c>continuationToken</c>.</summary>
public sealed partial class AzureDevOpsDoctorCommandTests
{
    private const string Pat = "ado-pat-for-tests";
    private const string HookUrl = "https://anatomybot.example/api/azure-devops/webhooks";
    private const string ArchitectureId = "a4a4a4a4-bbbb-cccc-dddd-e5e5e5e5e5e5";
    private const int OurPolicy = 150;

    private static readonly string[] Events =
        ["workitem.created", "workitem.updated", "git.pullrequest.created", "git.pullrequest.updated", "git.push", "ms.vss-code.git-pullrequest-comment-event", "workitem.commented"];

    public static TheoryData<string, string> Failures() => new()
    {
        { "pat-refused", "✖ Azure DevOps credential: Azure DevOps refused the personal access token (401). Fix: create a personal access token with Work Items (read & write) and Code (read & status)" },
        { "project-missing", "✖ Azure DevOps credential: the project Fabrikam was not found at" },
        { "code-refused", "✖ Azure DevOps scopes: Code (read) is refused: the repositories of Fabrikam could not be listed (401). Fix: give the personal access token Code (read & status)" },
        { "no-secret", "✖ Service hook secret: AzureDevOps:WebhookSecret is not set. Fix: set a random secret" },
        { "hooks-unreadable", "✖ Service hooks: the organisation's service hook subscriptions could not be read (403). Fix:" },
        { "no-push-hook", "✖ Service hook git.push: no subscription. Fix: add a Web Hooks subscription for git.push (Project settings → Service hooks → +) with URL " + HookUrl },
        { "no-comment-hook", "✖ Service hook ms.vss-code.git-pullrequest-comment-event: no subscription. Fix: add a Web Hooks subscription for ms.vss-code.git-pullrequest-comment-event (Project settings → Service hooks → +) with URL " + HookUrl },
        { "no-item-comment-hook", "✖ Service hook workitem.commented: no subscription. Fix: add a Web Hooks subscription for workitem.commented (Project settings → Service hooks → +) with URL " + HookUrl },
        { "hook-elsewhere", "✖ Service hook workitem.updated: the subscription points at https://old.example/hooks. Fix: set its URL to " + HookUrl },
        { "hook-disabled", $"✖ Service hook git.pullrequest.updated: the subscription to {HookUrl} is disabledBySystem. Fix: make sure the host answers" },
        { "hook-without-secret", $"✖ Service hook workitem.created: the subscription to {HookUrl} sends no secret. Fix: set its basic authentication password" },
        { "no-policy", "✖ Status policy: no branch policy requires the status anatomybot/linkage. Fix: add a Status check branch policy" },
        { "optional-policy", $"✖ Status policy: the status policy {OurPolicy} for anatomybot/linkage is optional. Fix: set its Policy requirement to Required" },
        { "disabled-policy", $"✖ Status policy: the status policy {OurPolicy} for anatomybot/linkage is disabled. Fix: enable it" },
        { "no-anatomy", "✖ anatomy: no file at Azure Repos Fabrikam/Architecture:/anatomy.yml. Fix: commit the anatomy there" },
        { "broken-anatomy", "✖ anatomy: /anatomy.yml does not parse" },
    };

    [Fact]
    public async Task Doctor_HealthyAzureDevOps_PassesEveryCheckReadingPoliciesAcrossPagesAndExitsZero()
    {
        await using var setup = await Setup.StartAsync(_ => { });

        var result = await setup.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
        [
            $"✔ Azure DevOps credential: the personal access token reads work items in {setup.BaseUrl}Fabrikam",
            "✔ Azure DevOps scopes: Work Items (read) and Code (read) answer; Work Items (write) and Code (status) show only when the bot writes, which doctor does not do",
            "✔ Service hook secret: AzureDevOps:WebhookSecret is set",
            .. Events.Select(e => $"✔ Service hook {e}: {HookUrl}, enabled, with a secret"),
            "✔ Status policy: anatomybot/linkage is required on refs/heads/main of Web",
            "✔ anatomy: /anatomy.yml found and lints without errors",
        ], result.StdoutLines);
        Assert.Equal(
        [
            "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1&api-version=7.1",
            "GET /contoso/Fabrikam/_apis/git/repositories?api-version=7.1",
            "GET /contoso/_apis/hooks/subscriptions?publisherId=tfs&consumerId=webHooks&consumerActionId=httpRequest&api-version=7.1",
            $"GET /contoso/Fabrikam/_apis/git/policy/configurations?policyType={FakeAzureDevOps.StatusPolicyType}&$top=100&api-version=7.1",
            $"GET /contoso/Fabrikam/_apis/git/policy/configurations?policyType={FakeAzureDevOps.StatusPolicyType}&$top=100&continuationToken=101&api-version=7.1",
            "GET /contoso/Fabrikam/_apis/git/repositories/Architecture/items?path=/anatomy.yml&includeContent=true&api-version=7.1",
        ], setup.Api.Requests.Select(r => Uri.UnescapeDataString(r.ToString())));
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(":" + Pat));
        Assert.All(setup.Api.Requests, r => Assert.Equal(basic, r.Authorization));
        Assert.Empty(setup.Api.Writes);
        Assert.DoesNotContain(Pat, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_TwoProjects_ChecksEachInItsOwnNamedLines_AndTheSecretOnce()
    {
        await using var setup = await Setup.StartAsync(api => api.AddProject("Tailspin", "11bb11bb-cc22-dd33-ee44-55ff55ff55ff"));

        var result = await setup.RunAsync(projects: ["Fabrikam", "Tailspin"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] Checks(string project) =>
        [
            $"✔ {project}: Azure DevOps credential: the personal access token reads work items in {setup.BaseUrl}{project}",
            $"✔ {project}: Azure DevOps scopes: Work Items (read) and Code (read) answer; Work Items (write) and Code (status) show only when the bot writes, which doctor does not do",
            .. project == "Fabrikam" ? [$"✔ {project}: Service hook secret: AzureDevOps:WebhookSecret is set"] : Array.Empty<string>(),
            .. Events.Select(e => $"✔ {project}: Service hook {e}: {HookUrl}, enabled, with a secret"),
            $"✔ {project}: Status policy: anatomybot/linkage is required on refs/heads/main of Web",
            $"✔ {project}: anatomy: /anatomy.yml found and lints without errors",
        ];
        Assert.Equal([.. Checks("Fabrikam"), .. Checks("Tailspin")], result.StdoutLines);
        Assert.Equal(
            ["Fabrikam", "Fabrikam", "Fabrikam", "Fabrikam", "Tailspin", "Tailspin", "Tailspin", "Tailspin"],
            setup.Api.Requests.Where(r => !r.Uri.AbsolutePath.Contains("/hooks/", StringComparison.Ordinal) && !r.Uri.AbsolutePath.Contains("/items", StringComparison.Ordinal))
                .Select(r => r.Uri.AbsolutePath.Split('/')[2]));
        Assert.Empty(setup.Api.Writes);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Doctor_BrokenAzureDevOpsPrecondition_FailsItsCheckWithTheFixAndExitsOne(string broken, string expected)
    {
        await using var setup = await Setup.StartAsync(api => Break(api, broken));

        var result = await setup.RunAsync(withSecret: broken != "no-secret");

        Assert.True(result.ExitCode == 1, result.ToString());
        var failed = result.StdoutLines.Where(l => l.StartsWith('✖')).ToList();
        Assert.True(failed.Count == 1 && failed[0].StartsWith(expected, StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public async Task Doctor_AzureDevOpsWithoutProject_ExitsTwoNamingTheSetting()
    {
        var result = await CliRunner.RunAsync(["doctor"], new CliRunOptions
        {
            Unset = ["GitHub__*", "AzureDevOps__*"],
            Environment = new Dictionary<string, string>
            {
                ["AzureDevOps__OrganizationUrl"] = "https://dev.azure.com/contoso",
                ["AzureDevOps__PersonalAccessToken"] = Pat,
                ["AzureDevOps__Anatomy__LocalPath"] = RepoPaths.SampleAnatomy,
            },
        });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("AzureDevOps:Projects (or AzureDevOps:Project for one project) is required", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    private static void Break(FakeAzureDevOps api, string broken)
    {
        var architecture = api.Repository("Architecture", ArchitectureId);
        FakeServiceHook Hook(string eventType) => api.ServiceHooks.Single(h => h.EventType == eventType);
        switch (broken)
        {
            case "pat-refused": api.Fail(HttpMethod.Post, "/_apis/wit/wiql$", HttpStatusCode.Unauthorized); break;
            case "project-missing": api.Fail(HttpMethod.Post, "/_apis/wit/wiql$", HttpStatusCode.NotFound); break;
            case "code-refused": api.Fail(HttpMethod.Get, "/_apis/git/repositories$", HttpStatusCode.Unauthorized); break;
            case "no-secret": break;
            case "hooks-unreadable": api.Fail(HttpMethod.Get, "/_apis/hooks/subscriptions$", HttpStatusCode.Forbidden); break;
            case "no-push-hook": api.ServiceHooks.Remove(Hook("git.push")); break;
            case "no-comment-hook": api.ServiceHooks.Remove(Hook("ms.vss-code.git-pullrequest-comment-event")); break;
            case "no-item-comment-hook": api.ServiceHooks.Remove(Hook("workitem.commented")); break;
            case "hook-elsewhere": Hook("workitem.updated").Url = new Uri("https://old.example/hooks"); break;
            case "hook-disabled": Hook("git.pullrequest.updated").Status = "disabledBySystem"; break;
            case "hook-without-secret": Hook("workitem.created").HasPassword = false; break;
            case "no-policy": api.Policies.RemoveAll(p => p.Id == OurPolicy); break;
            case "optional-policy": api.Policies.Single(p => p.Id == OurPolicy).IsBlocking = false; break;
            case "disabled-policy": api.Policies.Single(p => p.Id == OurPolicy).IsEnabled = false; break;
            case "no-anatomy": architecture.Files.Remove("/anatomy.yml"); break;
            case "broken-anatomy": architecture.Files["/anatomy.yml"] = "version: 1\noutcomes: [unclosed\n"; break;
            default: throw new ArgumentOutOfRangeException(nameof(broken), broken, null);
        }
    }

    /// <summary>A project with the sample anatomy in its Architecture repository, Web Hooks subscriptions for every event
    /// the bot needs, and, among 120 other status policies (so the listing takes two pages), one requiring
    /// <c>anatomybot/linkage</c> on Web's main branch; served on loopback, every exchange validated.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private readonly FakeApiServer _server;
        private readonly ExchangeValidator? _validator;

        private Setup(FakeAzureDevOps api, FakeApiServer server, ExchangeValidator? validator) => (Api, _server, _validator) = (api, server, validator);

        public FakeAzureDevOps Api { get; }

        public Uri BaseUrl => _server.BaseUrl;

        public static async Task<Setup> StartAsync(Action<FakeAzureDevOps> arrange)
        {
            var api = new FakeAzureDevOps();
            api.Repository("Architecture", ArchitectureId).Files["/anatomy.yml"] = await File.ReadAllTextAsync(RepoPaths.SampleAnatomy);
            foreach (var id in Enumerable.Range(1, 120))
            {
                api.Policies.Add(FakeAzureDevOps.StatusPolicy(id, "ci", $"check-{id}", FakeAzureDevOps.DefaultRepositoryId));
            }

            api.Policies.Add(FakeAzureDevOps.StatusPolicy(OurPolicy, "anatomybot", "linkage", FakeAzureDevOps.DefaultRepositoryId));
            api.ServiceHooks.Add(new FakeServiceHook { EventType = "build.complete", Url = new Uri("https://ci.example/hook") });
            api.ServiceHooks.AddRange(Events.Select(e => new FakeServiceHook { EventType = e, Url = new Uri(HookUrl) }));
            arrange(api);
            var validator = ExchangeValidator.ForAzureDevOps()?.Attach(api);
            return new Setup(api, await FakeApiServer.StartAsync(api, $"/{api.Organization}/", CancellationToken.None), validator);
        }

        public Task<CliResult> RunAsync(bool withSecret = true, string[]? projects = null, IReadOnlyDictionary<string, string>? settings = null)
        {
            var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
            {
                ["AzureDevOps__OrganizationUrl"] = _server.BaseUrl.AbsoluteUri,
                ["AzureDevOps__PersonalAccessToken"] = Pat,
                ["AzureDevOps__Anatomy__Repository"] = "Architecture",
                ["AzureDevOps__Anatomy__Path"] = "/anatomy.yml",
            };
            foreach (var (project, index) in (projects ?? []).Select((p, i) => (p, i)))
            {
                environment[$"AzureDevOps__Projects__{index}"] = project;
            }

            if (projects is null)
            {
                environment["AzureDevOps__Project"] = Api.Project;
            }

            if (withSecret)
            {
                environment["AzureDevOps__WebhookSecret"] = "test-secret-not-real";
            }

            return CliRunner.RunAsync(["doctor", "--service-hook-url", HookUrl], new CliRunOptions { Unset = ["GitHub__*", "AzureDevOps__*"], Environment = environment });
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            Api.AssertAllServed();
            _validator?.AssertConforms();
        }
    }
}
