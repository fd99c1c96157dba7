using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public void Start_up_fails_without_a_webhook_secret() =>
        Assert.Contains("GitHub:WebhookSecret", Validate([]).Message, StringComparison.Ordinal);

    [Fact]
    public void Start_up_fails_with_an_app_id_but_no_private_key() =>
        Assert.Contains("GitHub:PrivateKey", Validate(new() { ["GitHub:WebhookSecret"] = "s", ["GitHub:AppId"] = "42" }).Message, StringComparison.Ordinal);

    [Fact]
    public void Start_up_succeeds_with_a_secret_or_the_explicit_development_switch()
    {
        Assert.Null(Record.Exception(() => Start(new() { ["GitHub:WebhookSecret"] = "s" })));
        Assert.Null(Record.Exception(() => Start(new() { ["GitHub:AllowUnsignedWebhooks"] = "true" })));
    }

    [Fact]
    public void Environment_style_keys_bind_the_secret_and_the_enterprise_base_url()
    {
        using var provider = Start(new() { ["GitHub:WebhookSecret"] = "s", ["GitHub:BaseUrl"] = "https://ghe.example.com/api/v3/" });
        var options = provider.GetRequiredService<IOptions<Configuration.GitHubOptions>>().Value;
        Assert.Equal("s", options.WebhookSecret);
        Assert.Equal(new Uri("https://ghe.example.com/api/v3/"), options.BaseUrl);
        Assert.Equal(".github/anatomy.yml", options.AnatomyPath);
    }

    private static OptionsValidationException Validate(Dictionary<string, string?> settings) =>
        Assert.Throws<OptionsValidationException>(() => Start(settings).Dispose());

    private static ServiceProvider Start(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAnatomyBotGitHub(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
