using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public void Validate_NoWebhookSecret_Fails() =>
        Assert.Contains("GitHub:WebhookSecret", Validate([]).Message, StringComparison.Ordinal);

    [Fact]
    public void Validate_AppIdWithoutPrivateKey_Fails() =>
        Assert.Contains("GitHub:PrivateKey", Validate(new() { ["GitHub:WebhookSecret"] = "s", ["GitHub:AppId"] = "42" }).Message, StringComparison.Ordinal);

    [Fact]
    public void Validate_SecretOrExplicitDevelopmentSwitch_Succeeds()
    {
        Assert.Null(Record.Exception(() => Start(new() { ["GitHub:WebhookSecret"] = "s" })));
        Assert.Null(Record.Exception(() => Start(new() { ["GitHub:AllowUnsignedWebhooks"] = "true" })));
    }

    [Fact]
    public void Options_EnvironmentStyleKeys_BindSecretAndEnterpriseBaseUrl()
    {
        using var provider = Start(new() { ["GitHub:WebhookSecret"] = "s", ["GitHub:BaseUrl"] = "https://ghe.example.com/api/v3/" });
        var options = provider.GetRequiredService<IOptions<Configuration.GitHubOptions>>().Value;
        Assert.Equal("s", options.WebhookSecret);
        Assert.Equal(new Uri("https://ghe.example.com/api/v3/"), options.BaseUrl);
        Assert.Equal(".github/anatomy.yml", options.AnatomyPath);
    }

    [Theory]
    [InlineData("http://ghe.example.com/api/v3/", false)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("https://ghe.example.com/api/v3/", true)]
    public void Start_PlainHttpBaseUrl_IsRefusedExceptOnLoopback(string url, bool accepted)
    {
        var settings = new Dictionary<string, string?> { ["GitHub:WebhookSecret"] = "s", ["GitHub:BaseUrl"] = url };

        if (accepted)
        {
            Start(settings).Dispose();
        }
        else
        {
            Assert.Contains("GitHub:BaseUrl must be an absolute https address", Validate(settings).Message, StringComparison.Ordinal);
        }
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
