using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Tests.Fakes;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.AzureDevOps.Tests;

/// <summary>The channel as production wires it (<c>AddAnatomyBotAzureDevOps</c>), with the HTTP primary handler swapped
/// for <see cref="FakeAzureDevOps"/>, an instant clock and a collecting logger. Every exchange is held to the published
/// Azure DevOps REST specification as it happens. Disposing it fails the test when the channel made a request the fake
/// does not serve, or one the specification does not allow, or the fake answered in a way it does not allow.</summary>
internal sealed class TestHost : IDisposable
{
    public const string Secret = "s3cret-hook";

    private readonly ServiceProvider _provider;

    /// <param name="settings">Configuration overrides (null removes a default).</param>
    /// <param name="configure">Last say over the services.</param>
    /// <param name="realAnatomy">Use the production anatomy provider over the configured source (the fake's files)
    /// instead of the fixed <see cref="TestAnatomy"/>.</param>
    /// <param name="fake">An Azure DevOps another host already talks to (a restarted process), instead of a new one.</param>
    public TestHost(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool realAnatomy = false, FakeAzureDevOps? fake = null)
    {
        Fake = fake ?? new();
        var values = new Dictionary<string, string?>
        {
            ["AzureDevOps:WebhookSecret"] = Secret,
            ["AzureDevOps:OrganizationUrl"] = FakeAzureDevOps.DefaultOrganizationUrl,
            ["AzureDevOps:Project"] = FakeAzureDevOps.DefaultProject,
            ["AzureDevOps:PersonalAccessToken"] = "pat-token",
            ["AzureDevOps:Anatomy:Repository"] = "Architecture",
            ["AzureDevOps:Anatomy:Path"] = "/anatomy.yml",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IDeliveryScheduler>(Scheduler);
        if (!realAnatomy)
        {
            services.AddSingleton<IAnatomyProvider>(new FixedAnatomyProvider(TestAnatomy.Create()));
        }

        services.AddAnatomyBotAzureDevOps(configuration);
        services.AddHttpClient(AzureDevOpsClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Fake);
        configure?.Invoke(services);
        Conformance = ExchangeValidator.ForAzureDevOps()?.Attach(Fake);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeAzureDevOps Fake { get; }

    /// <summary>Checks every exchange against the specification; null when the corpus is not in this checkout.</summary>
    public ExchangeValidator? Conformance { get; }

    /// <summary>The repository the anatomy is read from (<c>AzureDevOps:Anatomy:Repository</c>).</summary>
    public FakeGitRepository Anatomy => Fake.Repository("Architecture");

    public RecordingScheduler Scheduler { get; } = new();

    public InstantTimeProvider Time { get; } = new();

    public FakeLoggerProvider Logs { get; } = new();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Fails the test when the channel made a request the fake does not serve.</summary>
    public void Dispose()
    {
        _provider.Dispose();
        Logs.Dispose();
        Fake.AssertAllServed();
        Conformance?.AssertConforms();
    }

    private sealed class FixedAnatomyProvider(EnterpriseAnatomy anatomy) : IAnatomyProvider
    {
        public string? CachedVersion => "fixed";

        public Task<LoadedAnatomy> GetAsync(string? requiredVersion, CancellationToken cancellationToken) =>
            Task.FromResult(new LoadedAnatomy(anatomy, "fixed"));

        public void Invalidate()
        {
        }
    }
}
