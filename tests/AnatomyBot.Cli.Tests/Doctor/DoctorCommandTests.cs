using System.Net;
using System.Security.Cryptography;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Cli.Tests.Doctor;

/// <summary><c>anatomybot doctor</c>, run as a process against the GitHub fake served on loopback: a healthy App set-up
/// passes every check, and each broken precondition fails exactly its own check, with its fix, and exit code 1.</summary>
public sealed class DoctorCommandTests
{
    private const string Repository = "acme/shop";
    private const string HookUrl = "https://anatomybot.example/api/github/webhooks";

    public static TheoryData<string, string> Failures() => new()
    {
        { "wrong-key", "✖ GitHub App credential: GitHub refused the App's JSON web token (401). Fix: set GitHub:AppId" },
        { "checks-read", "✖ GitHub App permissions: missing checks: write (has read). Fix: grant them" },
        { "no-issue-comment", "✖ GitHub App webhook events: not subscribed to issue_comment. Fix: tick them" },
        { "hook-elsewhere", "✖ GitHub App webhook: the App's webhook points at https://old.example/hooks. Fix: set the App's webhook URL" },
        { "hook-without-secret", "✖ GitHub App webhook: the webhook has no secret on GitHub or GitHub:WebhookSecret is not set. Fix:" },
        { "not-installed", "✖ acme/shop: installation: the App is not installed on it. Fix: install the App on acme/shop" },
        { "unprotected", "✖ acme/shop: branch protection: main does not require status checks. Fix: in acme/shop's settings → Branches" },
        { "anatomy-not-required", "✖ acme/shop: branch protection: main does not require anatomy. Fix:" },
        { "no-anatomy", "✖ acme/shop: anatomy: no .github/anatomy.yml on main. Fix: commit the anatomy" },
        { "broken-anatomy", "✖ acme/shop: anatomy: .github/anatomy.yml does not parse" },
        { "team-approver-unreadable", "✖ acme/shop: team approvers: @acme/architects cannot be checked: the installation lacks the organisation permission members: read" },
    };

    [Fact]
    public async Task Doctor_TeamApproverWithMembersRead_SaysItCanBeChecked()
    {
        await using var setup = await Setup.StartAsync(api =>
        {
            Break(api, "team-approver-unreadable");
            api.AppPermissions["members"] = "read";
        });

        var result = await setup.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("✔ acme/shop: team approvers: @acme/architects can be checked (the installation has members: read)", result.StdoutLines[^1]);
    }

    [Fact]
    public async Task Doctor_HealthyApp_PassesEveryCheckAndExitsZero()
    {
        await using var setup = await Setup.StartAsync(_ => { });

        var result = await setup.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
        [
            "✔ GitHub App credential: App anatomybot authenticates with its private key",
            "✔ GitHub App permissions: issues, pull requests, checks: write; contents, metadata: read",
            "✔ GitHub App webhook events: issues, issue_comment, pull_request, push",
            $"✔ GitHub App webhook: {HookUrl}, with a secret",
            "✔ acme/shop: installation: installation 1 mints tokens",
            "✔ acme/shop: branch protection: main requires anatomy",
            "✔ acme/shop: anatomy: .github/anatomy.yml found and lints without errors",
        ], result.StdoutLines);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Doctor_BrokenPrecondition_FailsItsCheckWithTheFixAndExitsOne(string broken, string expected)
    {
        await using var setup = await Setup.StartAsync(api => Break(api, broken));

        var result = await setup.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var failed = result.StdoutLines.Where(l => l.StartsWith('✖')).ToList();
        Assert.True(failed.Count == 1 && failed[0].StartsWith(expected, StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public async Task Doctor_NoGitHubCredential_ExitsTwoNamingTheSettings()
    {
        var result = await CliRunner.RunAsync(["doctor", "--repository", Repository], new CliRunOptions { Unset = ["GitHub__*", "AzureDevOps__*"] });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("GitHub:AppId", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("GitHub:Token", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_NoRepositoryNamed_ExitsTwo()
    {
        await using var setup = await Setup.StartAsync(_ => { });

        var result = await setup.RunAsync(withRepository: false);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--repository", result.Stderr, StringComparison.Ordinal);
    }

    private static void Break(FakeGitHub api, string broken)
    {
        var repo = api.Repository("acme", "shop");
        switch (broken)
        {
            case "wrong-key": api.Fail(HttpMethod.Get, "^/app$", HttpStatusCode.Unauthorized); break;
            case "checks-read": api.AppPermissions["checks"] = "read"; break;
            case "no-issue-comment": api.AppEvents.Remove("issue_comment"); break;
            case "hook-elsewhere": api.HookUrl = new Uri("https://old.example/hooks"); break;
            case "hook-without-secret": api.HookHasSecret = false; break;
            case "not-installed": api.Installations[1] = ["acme/other"]; break;
            case "unprotected": repo.RequiredStatusChecks = null; break;
            case "anatomy-not-required": repo.RequiredStatusChecks = ["ci/build"]; break;
            case "no-anatomy": repo.Files.Remove(".github/anatomy.yml"); break;
            case "broken-anatomy": repo.Files[".github/anatomy.yml"] = "version: 1\noutcomes: [unclosed\n"; break;
            case "team-approver-unreadable": repo.Files[".github/anatomy.yml"] = repo.Files[".github/anatomy.yml"].Replace("    approvers: [", "    approvers: [\"@acme/architects\", ", StringComparison.Ordinal); break;
            default: throw new ArgumentOutOfRangeException(nameof(broken), broken, null);
        }
    }

    /// <summary>An App installed on acme/shop with the sample anatomy and <c>main</c> requiring <c>anatomy</c>, served on loopback.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private readonly FakeApiServer _server;
        private readonly RSA _key;

        private Setup(FakeApiServer server, RSA key) => (_server, _key) = (server, key);

        public static async Task<Setup> StartAsync(Action<FakeGitHub> arrange)
        {
            var api = new FakeGitHub { HookUrl = new Uri(HookUrl) };
            var repo = api.Repository("acme", "shop");
            repo.Files[".github/anatomy.yml"] = await File.ReadAllTextAsync(RepoPaths.SampleAnatomy);
            repo.RequiredStatusChecks = ["ci/build", "anatomy"];
            api.Installations[1] = [Repository];
            arrange(api);
            return new Setup(await FakeApiServer.StartAsync(api, "/", CancellationToken.None), RSA.Create(2048));
        }

        public Task<CliResult> RunAsync(bool withRepository = true) => CliRunner.RunAsync(
            ["doctor", .. withRepository ? new[] { "--repository", Repository } : [], "--webhook-url", HookUrl],
            new CliRunOptions
            {
                Unset = ["GitHub__*", "AzureDevOps__*"],
                Environment = new Dictionary<string, string>
                {
                    ["GitHub__AppId"] = "4242",
                    ["GitHub__PrivateKey"] = _key.ExportRSAPrivateKeyPem(),
                    ["GitHub__WebhookSecret"] = "test-secret-not-real",
                    ["GitHub__BaseUrl"] = _server.BaseUrl.AbsoluteUri,
                },
            });

        public async ValueTask DisposeAsync()
        {
            _key.Dispose();
            await _server.DisposeAsync();
        }
    }
}
