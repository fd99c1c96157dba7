using AnatomyBot.Cli.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Tests.Hosting;

/// <summary>serve keeps its ledger under the working directory (.anatomybot/ledger.db), which is also the host's content
/// root: a configuration file watched for changes there would wake up on every ledger write.</summary>
public sealed class ServeConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anatomybot-serveconfig-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Serve_WatchesNoConfigurationFileForChanges()
    {
        await using var app = BuildServe();

        var fileSources = ((IConfigurationRoot)app.Configuration).Providers.OfType<FileConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.NotEmpty(fileSources);
        Assert.All(fileSources, s => Assert.False(s.ReloadOnChange, $"{s.Path} is watched for changes"));
    }

    [Fact]
    public async Task Serve_AtItsDefaultLevel_LogsDeliveriesButNotEveryRequestAndApiCall()
    {
        await using var app = BuildServe();
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("AnatomyBot.Hosting.Processing.ProcessingRunner").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("System.Net.Http.HttpClient.AnatomyBot.GitHub.ClientHandler").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task Serve_ApiHealthz_AnswersOkWithoutCredentials()
    {
        await using var app = BuildServe();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.GetAsync(new Uri("/api/healthz", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    private WebApplication BuildServe() => ServeApplication.Build(
        new PipelineSettings { Store = Path.Combine(_folder, "ledger.db") },
        port: 0,
        overrides: new Dictionary<string, string?> { ["GitHub:WebhookSecret"] = "test-secret-not-real", ["GitHub:Token"] = "t" });

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
