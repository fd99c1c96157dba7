using System.Reflection;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary>The <c>AnatomyBot</c> tool packages, packed once per test run from the build the tests run against, in
/// their configuration. <see cref="ReleaseFolder"/> holds the top-level package as released (<c>dotnet pack</c>: it names
/// <c>AnatomyBot.linux-x64</c> and <c>AnatomyBot.any</c>). <see cref="Folder"/>, the feed the tests install from, holds
/// <c>AnatomyBot.any</c> (<c>dotnet pack -r any -p:PublishAot=false</c>, framework-dependent) and a top-level package
/// that names it alone: what <c>dotnet tool install AnatomyBot</c> resolves to on every platform without a native
/// package. The native package takes a Native AOT compilation, too long for these tests:
/// <c>tests/native-tool.sh</c> packs, installs and runs it.</summary>
public sealed record ToolPackage(string Folder, string ReleaseFolder, string Version)
{
    public const string Id = "AnatomyBot";

    /// <summary>The framework-dependent package, which <c>dotnet tool install AnatomyBot.any</c> installs on any
    /// platform.</summary>
    public const string FallbackId = Id + ".any";

    private static readonly Lazy<Task<ToolPackage>> Packed = new(PackAsync);

    /// <summary>Variables of the test host's own MSBuild that must not leak into a child <c>dotnet</c>.</summary>
    public static readonly IReadOnlyCollection<string> BuildVariables = ["MSBuild*", "MSBUILD*"];

    public static Task<ToolPackage> GetAsync() => Packed.Value;

    /// <summary>Installs a package as the contract says — <c>dotnet tool install --tool-path DIR --add-source FOLDER
    /// AnatomyBot</c> (or <paramref name="packageId"/>) — run where a <c>nuget.config</c> clears every other source, with an empty package cache, so the
    /// tool can only come from this package. Returns the path of the installed <c>anatomybot</c>.</summary>
    public async Task<string> InstallAsync(TempDirectory scratch, string toolPath, string packageId = Id)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var result = await CliRunner.RunProcessAsync(
            CliRunner.DotnetHost(),
            ["tool", "install", "--tool-path", toolPath, "--add-source", Folder, packageId],
            IsolatedNuGet(scratch));
        Assert.True(result.ExitCode == 0, result.ToString());
        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "anatomybot.exe" : "anatomybot");
        Assert.True(File.Exists(command), $"{command} was not installed:\n{result}");
        return command;
    }

    /// <summary>Options for a child <c>dotnet</c> that sees no package source but the ones it is given: a
    /// <c>nuget.config</c> with <c>&lt;clear /&gt;</c> in its working directory and a fresh global package folder.</summary>
    public static CliRunOptions IsolatedNuGet(TempDirectory scratch, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var folder = Path.Combine(scratch.Path, "nuget-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        WriteNuGetConfigWithoutSources(folder);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["NUGET_PACKAGES"] = Path.Combine(folder, "packages"),
            ["DOTNET_ROOT"] = DotnetRoot(),
        };
        return new CliRunOptions { WorkingDirectory = folder, Timeout = TimeSpan.FromMinutes(3), Unset = BuildVariables, Environment = variables };
    }

    /// <summary>A <c>nuget.config</c> in <paramref name="folder"/> that clears every package source (as a repository
    /// may have), so that only the sources given on the command line count there.</summary>
    public static void WriteNuGetConfigWithoutSources(string folder) => File.WriteAllText(Path.Combine(folder, "nuget.config"), """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
          </packageSources>
        </configuration>
        """);

    /// <summary>The folder of the dotnet host, which an installed tool's launcher needs to find the runtime.</summary>
    public static string DotnetRoot()
    {
        var host = CliRunner.DotnetHost();
        if (!Path.IsPathRooted(host))
        {
            host = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, host))
                .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("dotnet is not on PATH");
        }

        var target = new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host;
        return Path.GetDirectoryName(target)!;
    }

    private static async Task<ToolPackage> PackAsync()
    {
        var root = TempDirectory.UntilProcessExit().Path;
        var folder = Path.Combine(root, "feed");
        var releaseFolder = Path.Combine(root, "release");
        var configuration = typeof(ToolPackage).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        // One after the other: each is a build of the same project. The top-level packages hold no build output.
        await PackAsync(configuration, releaseFolder, "--no-build");
        await PackAsync(configuration, folder, "--no-build", "-p:ToolPackageRuntimeIdentifiers=any");
        await PackAsync(configuration, folder, "-r", "any", "-p:PublishAot=false", "-p:PublishDir=" + Path.Combine(root, "publish") + Path.DirectorySeparatorChar);
        var package = Assert.Single(Directory.GetFiles(releaseFolder, Id + ".*.nupkg"));
        return new ToolPackage(folder, releaseFolder, Path.GetFileNameWithoutExtension(package)[(Id.Length + 1)..]);
    }

    private static async Task PackAsync(string configuration, string output, params string[] options)
    {
        var result = await CliRunner.RunProcessAsync(
            CliRunner.DotnetHost(),
            ["pack", Path.Combine(RepoPaths.Root, "src", "AnatomyBot.Cli", "AnatomyBot.Cli.csproj"), "-c", configuration, "-nologo", "-o", output, .. options],
            new CliRunOptions { WorkingDirectory = RepoPaths.Root, Timeout = TimeSpan.FromMinutes(5), Unset = BuildVariables });
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
