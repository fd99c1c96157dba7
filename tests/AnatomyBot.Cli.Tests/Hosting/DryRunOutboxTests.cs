using AnatomyBot.Cli.Hosting;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Cli.Tests.Hosting;

public sealed class DryRunOutboxTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anatomybot-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task FileOutboxSink_WritesArtifactsUnderTheFolder()
    {
        var applier = new OutboxApplier(new FileOutboxSink(_folder), ItemSource.GitHub);
        var plan = new ReconcilePlan
        {
            LabelsToAdd = ["anatomy:no-component"],
            Comment = new CommentChange(CommentChangeKind.Create, Markers.Comment + "\nbody"),
            Check = new CheckState(CheckConclusion.Failure, "1 gap", "summary"),
        };

        await applier.ApplyAsync(new ReconcileTarget(ItemSource.GitHub, "contoso/onboarding#12", ItemKind.PullRequest, "abc"), plan, CancellationToken.None);

        var files = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f)).Order().ToArray();
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.StartsWith("github" + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".comment.md", StringComparison.Ordinal));
        Assert.Contains("anatomy:no-component", await File.ReadAllTextAsync(Path.Combine(_folder, files.Single(f => f.EndsWith(".plan.json", StringComparison.Ordinal)))));
    }

    [Fact]
    public async Task FileOutboxSink_RefusesNamesThatLeaveTheFolder()
    {
        var sink = new FileOutboxSink(_folder);

        await Assert.ThrowsAsync<ArgumentException>(() => sink.WriteAsync("../escape.md", "x", CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_folder)!, "escape.md")));
    }

    [Fact]
    public void DryRun_RegistersOutboxAppliersAfterTheChannels()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = "test-secret-not-real",
            ["GitHub:Token"] = "test-token-not-real",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);

        services.AddAnatomyBotLocal(configuration, new PipelineSettings { Store = Path.Combine(_folder, "ledger.db"), OutboxPath = _folder });

        using var provider = services.BuildServiceProvider();
        var github = provider.GetServices<IReconcileApplier>().Last(a => a.Source == ItemSource.GitHub);
        Assert.IsType<OutboxApplier>(github);
    }
}
