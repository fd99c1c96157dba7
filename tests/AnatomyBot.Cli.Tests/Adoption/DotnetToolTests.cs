using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary>The tool packages of <c>src/AnatomyBot.Cli</c> (docs/dotnet-tool.md): the top-level package
/// <c>AnatomyBot</c> names one package per platform, <c>AnatomyBot.linux-x64</c> compiled with Native AOT and
/// <c>AnatomyBot.any</c> framework-dependent for every other platform; installed from a local folder, the
/// framework-dependent one runs like the built CLI.</summary>
public sealed class DotnetToolTests
{
    [Fact]
    public async Task Pack_CliProject_TopLevelPackageNamesTheNativeLinuxX64AndTheFrameworkDependentPackages()
    {
        var package = await ToolPackage.GetAsync();

        using var archive = ZipFile.OpenRead(Path.Combine(package.ReleaseFolder, $"{ToolPackage.Id}.{package.Version}.nupkg"));
        var metadata = Metadata(archive);
        Assert.Equal(ToolPackage.Id, Element(metadata, "id").Value);
        Assert.Equal(["DotnetTool"], PackageTypes(metadata));
        var settings = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal(("anatomybot", null), ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint")));
        var platforms = settings.Descendants("RuntimeIdentifierPackage")
            .Select(p => ((string?)p.Attribute("RuntimeIdentifier"), (string?)p.Attribute("Id")))
            .ToList();
        Assert.Equal([("linux-x64", "AnatomyBot.linux-x64"), ("any", ToolPackage.FallbackId)], platforms);
        Assert.DoesNotContain(archive.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pack_AnyRuntime_IsFrameworkDependentWithTheBuiltCliRuntimeSettings()
    {
        var package = await ToolPackage.GetAsync();

        using var archive = ZipFile.OpenRead(Path.Combine(package.Folder, $"{ToolPackage.FallbackId}.{package.Version}.nupkg"));
        var metadata = Metadata(archive);
        Assert.Equal(ToolPackage.FallbackId, Element(metadata, "id").Value);
        Assert.Equal(["DotnetToolRidPackage"], PackageTypes(metadata));
        var settings = XDocument.Load(archive.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal(
            ("anatomybot", "anatomybot.dll", "dotnet"),
            ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint"), (string?)command.Attribute("Runner")));
        Assert.Null(archive.GetEntry("tools/net10.0/any/anatomybot"));

        using var packed = JsonDocument.Parse(archive.GetEntry("tools/net10.0/any/anatomybot.runtimeconfig.json")!.Open());
        using var built = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "anatomybot.runtimeconfig.json")));
        var options = packed.RootElement.GetProperty("runtimeOptions");
        Assert.Equal(
            ["Microsoft.AspNetCore.App", "Microsoft.NETCore.App"],
            options.GetProperty("frameworks").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(built.RootElement.GetProperty("runtimeOptions").GetRawText(), options.GetRawText());
        Assert.Equal("false", options.GetProperty("configProperties").GetProperty("System.Runtime.TieredPGO").GetRawText());
    }

    [Fact]
    public async Task CliProject_X64RuntimeIdentifier_IsNativeAotForX8664V3OptimisedForSpeedAndStartUpAndTheBuildStaysJit()
    {
        var evaluated = await EvaluateAsync("-p:RuntimeIdentifier=linux-x64");
        var framework = await EvaluateAsync();

        Assert.Equal(("true", "x86-64-v3", "Speed", "false", "false"), evaluated);
        Assert.Equal((string.Empty, string.Empty, string.Empty, string.Empty, string.Empty), framework);
    }

    [Fact]
    public async Task CliProject_PackedNativeTool_CarriesNeitherDebugSymbolsNorXmlDocumentation()
    {
        string[] names = ["CopyOutputSymbolsToPublishDirectory", "PublishDocumentationFiles"];
        var packed = await EvaluateAsync(names, "-p:RuntimeIdentifier=linux-x64", "-p:_IsPacking=true");
        var published = await EvaluateAsync(names, "-p:RuntimeIdentifier=linux-x64");
        var fallback = await EvaluateAsync(names, "-p:RuntimeIdentifier=any", "-p:PublishAot=false", "-p:_IsPacking=true");

        Assert.Equal(["false", "false"], packed);
        Assert.DoesNotContain("false", published);
        Assert.DoesNotContain("false", fallback);
    }

    [Fact]
    public async Task InstalledTool_Version_PrintsThePackageVersion()
    {
        var package = await ToolPackage.GetAsync();
        using var scratch = new TempDirectory();
        var anatomybot = await package.InstallAsync(scratch, Path.Combine(scratch.Path, "tools"));

        var result = await CliRunner.RunProcessAsync(anatomybot, ["--version"], ToolPackage.IsolatedNuGet(scratch));

        AssertPrintsVersion(result, package);
    }

    [Fact]
    public async Task InstalledTool_FallbackPackageByName_InstallsTheAnatomybotCommand()
    {
        var package = await ToolPackage.GetAsync();
        using var scratch = new TempDirectory();
        var anatomybot = await package.InstallAsync(scratch, Path.Combine(scratch.Path, "tools"), ToolPackage.FallbackId);

        var result = await CliRunner.RunProcessAsync(anatomybot, ["--version"], ToolPackage.IsolatedNuGet(scratch));

        AssertPrintsVersion(result, package);
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

    private static void AssertPrintsVersion(CliResult result, ToolPackage package)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = result.Stdout.Trim();
        Assert.True(printed == package.Version || printed.StartsWith(package.Version + "+", StringComparison.Ordinal), $"--version printed '{printed}', the package is {package.Version}");
    }

    private static XElement Metadata(ZipArchive archive) =>
        XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open())
            .Root!.Elements().Single(e => e.Name.LocalName == "metadata");

    private static XElement Element(XElement parent, string name) => parent.Elements().Single(e => e.Name.LocalName == name);

    private static List<string?> PackageTypes(XElement metadata) =>
        metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name")).ToList();

    /// <summary>PublishAot, IlcInstructionSet, OptimizationPreference, IlcDehydrate and PositionIndependentExecutable of
    /// the CLI project as MSBuild evaluates them (Release), with the given properties.</summary>
    private static async Task<(string, string, string, string, string)> EvaluateAsync(params string[] properties)
    {
        var values = await EvaluateAsync(["PublishAot", "IlcInstructionSet", "OptimizationPreference", "IlcDehydrate", "PositionIndependentExecutable"], properties);
        return (values[0], values[1], values[2], values[3], values[4]);
    }

    /// <summary>The properties <paramref name="names"/> of the CLI project as MSBuild evaluates them (Release), with the
    /// given properties.</summary>
    private static async Task<string[]> EvaluateAsync(string[] names, params string[] properties)
    {
        var result = await CliRunner.RunProcessAsync(
            CliRunner.DotnetHost(),
            [
                "msbuild", Path.Combine(RepoPaths.Root, "src", "AnatomyBot.Cli", "AnatomyBot.Cli.csproj"), "-nologo", "-p:Configuration=Release",
                .. names.Select(name => $"-getProperty:{name}"), .. properties,
            ],
            new CliRunOptions { WorkingDirectory = RepoPaths.Root, Unset = ToolPackage.BuildVariables });
        Assert.True(result.ExitCode == 0, result.ToString());
        var values = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("Properties");
        return [.. names.Select(name => values.GetProperty(name).GetString()!)];
    }
}
