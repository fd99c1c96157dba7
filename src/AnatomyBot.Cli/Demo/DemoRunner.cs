using System.Security.Cryptography;
using AnatomyBot.Cli.Hosting;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.Hosting.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Demo;

/// <summary><c>anatomybot demo</c>: the onboarding sample end to end on the production path. Only the platform APIs are
/// local fakes; webhooks are signed with a generated secret and go through the real receiver, the SQLite inbox, dedupe,
/// the channel's snapshot reader, the engine, reconcile, the applier, the ledger and the digest.</summary>
internal sealed class DemoRunner(TextWriter output)
{
    private const string AnatomyPath = ".github/anatomy.yml";

    public async Task<DemoResult> RunAsync(string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var scenario = DemoScenario.Parse(SampleFiles.Read(SampleFiles.Week));
        var anatomyYaml = SampleFiles.Read(SampleFiles.Anatomy);
        var clock = new DemoClock();
        var hub = new FakeGitHub { Clock = clock };
        var repo = DemoBacklog.Seed(hub, scenario, anatomyYaml, AnatomyPath);
        await using var githubApi = await FakeApiServer.StartAsync(hub, "/", cancellationToken);
        var apiBase = githubApi.BaseUrl;
        var boards = scenario.AzureDevOps;
        var ado = DemoAzureDevOps.Seed(boards, anatomyYaml);
        await using var adoApi = await FakeApiServer.StartAsync(ado, $"/{boards.Organization}/", cancellationToken);
        var organization = adoApi.BaseUrl;

        var secret = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var hookSecret = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var overrides = new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = secret,
            ["GitHub:Token"] = "demo-" + RandomNumberGenerator.GetHexString(20, lowercase: true),
            ["GitHub:BaseUrl"] = apiBase.ToString(),
            ["GitHub:AnatomyPath"] = AnatomyPath,
            ["AzureDevOps:WebhookSecret"] = hookSecret,
            ["AzureDevOps:OrganizationUrl"] = organization.ToString(),
            ["AzureDevOps:Project"] = boards.Project,
            ["AzureDevOps:AuthMode"] = "Pat",
            ["AzureDevOps:PersonalAccessToken"] = "demo-" + RandomNumberGenerator.GetHexString(20, lowercase: true),
            ["AzureDevOps:Anatomy:Repository"] = boards.AnatomyRepository,
            ["AzureDevOps:Anatomy:Path"] = DemoAzureDevOps.AnatomyPath,
        };
        var settings = new PipelineSettings { Store = Path.Combine(workDirectory, "ledger.db") };
        await using var app = ServeApplication.Build(settings, port: 0, services => services.AddSingleton<TimeProvider>(clock), overrides, LogLevel.Warning);
        await app.StartAsync(cancellationToken);
        var endpoint = new Uri(new Uri(app.Urls.First()), "/api/github/webhooks");
        var hooks = new Uri(new Uri(app.Urls.First()), "/api/azure-devops/webhooks");
        var inbox = app.Services.GetRequiredService<LocalInbox>();
        using var http = new HttpClient();
        var sender = new GitHubWebhookSender(http, endpoint, secret, hub, () => apiBase.ToString());
        var hookSender = new AzureDevOpsHookSender(http, hooks, hookSecret, ado, () => organization.ToString());
        var report = new DemoReport(output, hub, repo, new AzureDevOpsView(output, ado));
        report.Intro(endpoint, apiBase, hooks, organization, settings.Store);

        SentDelivery? previous = null;
        foreach (var step in scenario.Steps)
        {
            clock.Set(step.At);
            report.Step(step);
            SentDelivery sent;
            if (step.DuplicateOfPrevious && previous is not null)
            {
                sent = step.OnAzureDevOps ? await hookSender.ResendAsync(previous, cancellationToken) : await sender.ResendAsync(previous, cancellationToken);
            }
            else if (step.OnAzureDevOps)
            {
                DemoAzureDevOps.Apply(ado, boards, step);
                sent = await hookSender.SendAsync(step.Event!, step.Number, cancellationToken);
            }
            else
            {
                DemoBacklog.Apply(hub, repo, scenario, step);
                sent = await sender.SendAsync(step.Event!, step.Action!, repo, step.Number, cancellationToken);
            }

            await inbox.WaitIdleAsync(cancellationToken);
            report.Acknowledged(sent);
            report.Show(step);
            previous = sent;
        }

        var week = IsoWeek.Parse(scenario.Week);
        clock.Set(week.AddWeeks(1).StartIn(TimeZoneInfo.Utc).AddHours(7));
        var digestPath = Path.Combine(workDirectory, $"anatomy-digest-{week}.md");
        await WriteDigestAsync(app, anatomyYaml, week, digestPath, cancellationToken);
        report.Digest(digestPath);
        await app.StopAsync(cancellationToken);
        return report.Result(digestPath, [.. hub.Unserved.Concat(ado.Unserved).Select(r => r.ToString())]);
    }

    private static async Task WriteDigestAsync(WebApplication app, string anatomyYaml, IsoWeek week, string path, CancellationToken cancellationToken)
    {
        var anatomy = AnatomyParser.Parse(anatomyYaml).Anatomy
            ?? throw new InvalidOperationException("The embedded onboarding anatomy does not parse.");
        var service = new DigestService(app.Services.GetRequiredService<IEvaluationLedger>(), app.Services.GetService<IAuditLedger>());
        var digest = await service.BuildAsync(
            DigestRequest.For(anatomy, week),
            cancellationToken);
        await File.WriteAllTextAsync(path, DigestMarkdownRenderer.Render(digest), cancellationToken);
    }
}
