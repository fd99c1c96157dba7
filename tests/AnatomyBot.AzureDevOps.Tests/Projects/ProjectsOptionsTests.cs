using AnatomyBot.AzureDevOps.Configuration;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Tests.Projects;

public sealed class ProjectsOptionsTests
{
    [Fact]
    public void Validate_ProjectsList_EveryProjectOnce()
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Project"] = null,
            ["AzureDevOps:Projects:0"] = "Fabrikam",
            ["AzureDevOps:Projects:1"] = "Tailspin Toys",
            ["AzureDevOps:Projects:2"] = "fabrikam",
        });

        var options = host.Get<IOptions<AzureDevOpsOptions>>().Value;

        Assert.Equal(["Fabrikam", "Tailspin Toys"], options.ConfiguredProjects);
        Assert.True(options.IsConfigured("TAILSPIN TOYS"));
        Assert.False(options.IsConfigured("Contoso"));
        Assert.Equal("Fabrikam", options.DefaultProject);
    }

    [Fact]
    public void Validate_ProjectAlone_IsAListOfOne()
    {
        using var host = new TestHost();

        Assert.Equal(["Fabrikam"], host.Get<IOptions<AzureDevOpsOptions>>().Value.ConfiguredProjects);
    }

    [Theory]
    [InlineData("Fabrikam", "Tailspin", "not both")]
    [InlineData(null, "Fab/rikam", "'Fab/rikam' is not a project name")]
    [InlineData(null, "..", "'..' is not a project name")]
    [InlineData(null, "_Fabrikam", "'_Fabrikam' is not a project name")]
    [InlineData(null, "Fabrikam.", "'Fabrikam.' is not a project name")]
    [InlineData(null, "00aa00aa-bb11-cc22-dd33-44ee44ee44ee", "name each project by its name when there are several")]
    [InlineData(null, null, "AzureDevOps:Projects (or AzureDevOps:Project for one project) is required")]
    public void Validate_BrokenProjects_NamesTheProblem(string? project, string? second, string expected)
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Project"] = project,
            ["AzureDevOps:Projects:0"] = project is null && second is null ? null : "Fabrikam",
            ["AzureDevOps:Projects:1"] = second,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryProjectWithItsOwnAnatomy_NeedsNoSharedOne()
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Project"] = null,
            ["AzureDevOps:Projects:0"] = "Fabrikam",
            ["AzureDevOps:Projects:1"] = "Tailspin",
            ["AzureDevOps:Anatomy:Repository"] = null,
            ["AzureDevOps:Anatomy:Projects:Fabrikam:Repository"] = "Architecture",
            ["AzureDevOps:Anatomy:Projects:Tailspin:LocalPath"] = "tailspin.yml",
        });

        var anatomy = host.Get<IOptions<AzureDevOpsOptions>>().Value.Anatomy;

        Assert.Equal(AnatomySourceKind.None, anatomy.Kind);
        Assert.Equal("Architecture", anatomy.For("fabrikam").Repository);
        Assert.Equal(AnatomySourceKind.LocalFile, anatomy.For("Tailspin").Kind);
    }

    [Fact]
    public void Validate_SharedAnatomyAndOneOverride_OthersUseTheShared()
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Project"] = null,
            ["AzureDevOps:Projects:0"] = "Fabrikam",
            ["AzureDevOps:Projects:1"] = "Tailspin",
            ["AzureDevOps:Anatomy:Projects:Tailspin:Repository"] = "TailspinArchitecture",
        });

        var anatomy = host.Get<IOptions<AzureDevOpsOptions>>().Value.Anatomy;

        Assert.Same(anatomy, anatomy.For("Fabrikam"));
        Assert.Equal("TailspinArchitecture", anatomy.For("Tailspin").Repository);
        Assert.Equal("/anatomy.yml", anatomy.For("Tailspin").Path);
    }

    [Theory]
    [InlineData("AzureDevOps:Anatomy:Projects:Contoso:Repository", "Architecture", "AzureDevOps:Anatomy:Projects:Contoso names a project that is not in AzureDevOps:Projects")]
    [InlineData("AzureDevOps:Anatomy:Projects:Tailspin:GitHub:Repository", "contoso", "AzureDevOps:Anatomy:Projects:Tailspin:GitHub:Repository must be owner/name")]
    [InlineData("AzureDevOps:Anatomy:Projects:Tailspin:Path", "", "Set exactly one of AzureDevOps:Anatomy:Projects:Tailspin:Repository")]
    [InlineData("AzureDevOps:Anatomy:Projects:Tailspin:Projects:Fabrikam:LocalPath", "x.yml", "AzureDevOps:Anatomy:Projects:Tailspin:Projects is not read")]
    public void Validate_BrokenProjectAnatomy_NamesTheKey(string key, string value, string expected)
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Project"] = null,
            ["AzureDevOps:Projects:0"] = "Fabrikam",
            ["AzureDevOps:Projects:1"] = "Tailspin",
            [key] = value,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AProjectWithoutAnyAnatomy_Fails()
    {
        using var host = new TestHost(new()
        {
            ["AzureDevOps:Project"] = null,
            ["AzureDevOps:Projects:0"] = "Fabrikam",
            ["AzureDevOps:Projects:1"] = "Tailspin",
            ["AzureDevOps:Anatomy:Repository"] = null,
            ["AzureDevOps:Anatomy:Projects:Tailspin:Repository"] = "Architecture",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.StartsWith("Set exactly one of AzureDevOps:Anatomy:Repository (Azure Repos)", StringComparison.Ordinal));
    }
}
