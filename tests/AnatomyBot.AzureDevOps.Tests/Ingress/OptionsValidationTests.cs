using AnatomyBot.AzureDevOps.Configuration;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Tests.Ingress;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Resolve_WithoutSecretOutsideDevelopmentSwitch_FailsValidation()
    {
        using var host = new TestHost(new() { ["AzureDevOps:WebhookSecret"] = null });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains("AzureDevOps__WebhookSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_WithoutSecretWithDevelopmentSwitch_Passes()
    {
        using var host = new TestHost(new() { ["AzureDevOps:WebhookSecret"] = null, ["AzureDevOps:AllowUnauthenticatedWebhooks"] = "true" });

        Assert.True(host.Get<IOptions<AzureDevOpsOptions>>().Value.AllowUnauthenticatedWebhooks);
    }

    [Fact]
    public void StartupValidator_InvalidOptions_RefusesToStart()
    {
        using var host = new TestHost(new() { ["AzureDevOps:WebhookSecret"] = "" });
        var validator = host.Get<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
    }

    [Theory]
    [InlineData("AzureDevOps:OrganizationUrl", "http://dev.azure.com/contoso/", false)]
    [InlineData("AzureDevOps:OrganizationUrl", "http://127.0.0.1:9000/contoso/", true)]
    [InlineData("AzureDevOps:OrganizationUrl", "http://localhost:9000/contoso/", true)]
    [InlineData("AzureDevOps:OrganizationUrl", "https://ado.contoso.com/tfs/", true)]
    public void Validate_PlainHttpOrganizationUrl_IsRefusedExceptOnLoopback(string key, string value, bool accepted)
    {
        using var host = new TestHost(new() { [key] = value });

        var failure = Record.Exception(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Equal(accepted, failure is null);
        if (!accepted)
        {
            Assert.Contains(((OptionsValidationException)failure!).Failures, f => f.Contains("AzureDevOps:OrganizationUrl must be an absolute https address", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("AzureDevOps:OrganizationUrl", "not a url", "OrganizationUrl")]
    [InlineData("AzureDevOps:Project", "", "Project")]
    [InlineData("AzureDevOps:PersonalAccessToken", "", "PersonalAccessToken")]
    [InlineData("AzureDevOps:Anatomy:LocalPath", "anatomy.yml", "exactly one")]
    public void Validate_BrokenSetting_NamesTheKey(string key, string value, string expected)
    {
        using var host = new TestHost(new() { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EntraModeNeedsNoPat()
    {
        using var host = new TestHost(new() { ["AzureDevOps:AuthMode"] = "Entra", ["AzureDevOps:PersonalAccessToken"] = "" });

        Assert.Equal(AzureDevOpsAuthMode.Entra, host.Get<IOptions<AzureDevOpsOptions>>().Value.AuthMode);
    }

    [Theory]
    [InlineData(null, null, null, "exactly one")]
    [InlineData("Architecture", "contoso/architecture", null, "exactly one")]
    [InlineData(null, "contoso/architecture", "anatomy.yml", "exactly one")]
    [InlineData(null, "contoso", null, "owner/name")]
    [InlineData(null, "contoso/architecture/extra", null, "owner/name")]
    public void Validate_AnatomySource_ExactlyOneAndWellFormed(string? azureRepos, string? gitHub, string? local, string expected)
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Anatomy:Repository"] = azureRepos,
            ["AzureDevOps:Anatomy:GitHub:Repository"] = gitHub,
            ["AzureDevOps:Anatomy:LocalPath"] = local,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AzureDevOps:Anatomy:GitHub:BaseUrl", "ftp://ghes.contoso.com/api/v3/", "GitHub:BaseUrl")]
    [InlineData("AzureDevOps:Anatomy:Path", "/", "Anatomy:Path")]
    [InlineData("AzureDevOps:MaxSweepWorkItems", "-1", "MaxSweepWorkItems")]
    [InlineData("AzureDevOps:MaxSweepPullRequests", "-1", "MaxSweepPullRequests")]
    public void Validate_GitHubSourceAndSweepBounds_NameTheKey(string key, string value, string expected)
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Anatomy:Repository"] = null,
            ["AzureDevOps:Anatomy:GitHub:Repository"] = "contoso/architecture",
            [key] = value,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GitHubSourceWithoutTokenOrBaseUrl_IsValid()
    {
        using var host = new TestHost(new() { ["AzureDevOps:Anatomy:Repository"] = null, ["AzureDevOps:Anatomy:GitHub:Repository"] = "contoso/architecture" });

        var anatomy = host.Get<IOptions<AzureDevOpsOptions>>().Value.Anatomy;

        Assert.Equal(AnatomySourceKind.GitHub, anatomy.Kind);
        Assert.Equal(new Uri("https://api.github.com/"), anatomy.GitHub.EffectiveBaseUrl);
    }
}
