using System.IO.Compression;
using System.Xml.Linq;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary><c>dotnet pack src/AnatomyBot.Cli</c> gives the tool package <c>AnatomyBot</c> with the command
/// <c>anatomybot</c>; installed from a local folder it runs like the built CLI.</summary>
public sealed class DotnetToolTests
{
    [Fact]
    public async Task Pack_CliProject_IsTheAnatomyBotToolPackageWithTheAnatomybotCommand()
    {
        var package = await ToolPackage.GetAsync();

        using var archive = ZipFile.OpenRead(Path.Combine(package.Folder, $"{ToolPackage.Id}.{package.Version}.nupkg"));
        var nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal(ToolPackage.Id, metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
        var settings = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal(("anatomybot", "anatomybot.dll"), ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint")));
    }

    [Fact]
    public async Task InstalledTool_Version_PrintsThePackageVersion()
    {
        var package = await ToolPackage.GetAsync();
        using var scratch = new TempDirectory();
        var anatomybot = await package.InstallAsync(scratch, Path.Combine(scratch.Path, "tools"));

        var result = await CliRunner.RunProcessAsync(anatomybot, ["--version"], ToolPackage.IsolatedNuGet(scratch));

        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = result.Stdout.Trim();
        Assert.True(printed == package.Version || printed.StartsWith(package.Version + "+", StringComparison.Ordinal), $"--version printed '{printed}', the package is {package.Version}");
    }

    [Fact]
    public async Task InstalledTool_Lint_WorksLikeTheBuiltCli()
    {
        var package = await ToolPackage.GetAsync();
        using var scratch = new TempDirectory();
        var anatomybot = await package.InstallAsync(scratch, Path.Combine(scratch.Path, "tools"));
        var options = ToolPackage.IsolatedNuGet(scratch) with { WorkingDirectory = RepoPaths.Root };

        var embedded = await CliRunner.RunProcessAsync(anatomybot, ["lint"], options);
        var github = await CliRunner.RunProcessAsync(anatomybot, ["lint", "samples/onboarding/anatomy.yml", "--format", "github"], options);
        var built = await CliRunner.RunAsync(["lint", "samples/onboarding/anatomy.yml", "--format", "github"], new CliRunOptions { WorkingDirectory = RepoPaths.Root });

        Assert.True(embedded.ExitCode == 0, embedded.ToString());
        Assert.EndsWith("0 error(s), 2 warning(s), 2 info", embedded.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("embedded sample", embedded.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, github.ExitCode);
        Assert.Equal(built.Stdout, github.Stdout);
    }
}
