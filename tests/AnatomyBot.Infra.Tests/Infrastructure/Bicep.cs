using System.Diagnostics;
using System.Reflection;

namespace AnatomyBot.Infra.Tests.Infrastructure;

/// <summary>The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with the test project; its
/// folder arrives through assembly metadata), run as a process.</summary>
internal static class Bicep
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static BicepResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, new Dictionary<string, string>(), arguments);

    public static BicepResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no ICU dependency on minimal machines.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes");
        }

        return new BicepResult(process.ExitCode, output.Result, error.Result);
    }

    private static string Locate()
    {
        var package = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackagePath").Value;
        var path = Path.Combine(package ?? "", "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI was not restored from NuGet (Azure.Bicep.CommandLine.linux-x64).", path);
        }

        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            // Package extraction does not always keep the executable bit: run a private executable copy instead.
            var copy = Path.Combine(Path.GetTempPath(), "anatomybot-bicep-" + Path.GetFileName(package!.TrimEnd('/')), "bicep");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            if (!File.Exists(copy))
            {
                File.Copy(path, copy + ".tmp", overwrite: true);
                File.SetUnixFileMode(copy + ".tmp", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.Move(copy + ".tmp", copy, overwrite: true);
            }

            return copy;
        }

        return path;
    }
}

internal sealed record BicepResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
