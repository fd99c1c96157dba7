using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Tests.Fakes;
using AnatomyBot.Core.Anatomy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AnatomyBot.AzureDevOps.Tests;

/// <summary>The channel as production wires it (<c>AddAnatomyBotAzureDevOps</c>), with the HTTP primary handler swapped
/// for <see cref="FakeAzureDevOps"/>, an instant clock and a collecting logger.</summary>
internal sealed class TestHost : IDisposable
{
    public const string Secret = "s3cret-hook";

    private readonly ServiceProvider _provider;

    public TestHost(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureDevOps:WebhookSecret"] = Secret,
            ["AzureDevOps:OrganizationUrl"] = FakeAzureDevOps.Organization,
            ["AzureDevOps:Project"] = FakeAzureDevOps.Project,
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
        services.AddSingleton<IAnatomyProvider>(new FixedAnatomyProvider(TestAnatomy.Create()));
        services.AddAnatomyBotAzureDevOps(configuration);
        services.AddHttpClient(AzureDevOpsClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Fake);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeAzureDevOps Fake { get; } = new();

    public InstantTimeProvider Time { get; } = new();

    public FakeLoggerProvider Logs { get; } = new();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        Logs.Dispose();
    }

    private sealed class FixedAnatomyProvider(EnterpriseAnatomy anatomy) : IAnatomyProvider
    {
        public Task<EnterpriseAnatomy> GetAsync(CancellationToken cancellationToken) => Task.FromResult(anatomy);

        public bool IsSourceRepository(string project, string repository) => string.Equals(repository, "Architecture", StringComparison.OrdinalIgnoreCase);

        public void Invalidate()
        {
        }
    }
}
