using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Cli.Hosting;

/// <summary>Turns a configuration that cannot work into a plain message and exit code 2 instead of a stack trace.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 2;

    public static async Task<int> GuardAsync(Func<Task<int>> run, TextWriter error)
    {
        try
        {
            return await run();
        }
        catch (OptionsValidationException ex)
        {
            return await ReportAsync(ex.Failures, error);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return await ReportAsync(ex.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures), error);
        }
        catch (InvalidOperationException ex) when (ex.Source is "AnatomyBot.Storage" or "anatomybot")
        {
            await error.WriteLineAsync("anatomybot: " + ex.Message);
            return ExitCode;
        }
    }

    /// <summary>Checks the options a host validates on start now, before it starts: a host that finds one invalid logs
    /// the exception with its stack trace before <see cref="GuardAsync"/> could print the plain message. A setting that
    /// does not convert to its type (<c>Sweep:Interval=soon</c>) is reported the same way.</summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException or OverflowException or ArgumentException)
        {
            // The configuration binder's own failure: its message names the setting and the type, its inner one the value's problem.
            throw new OptionsValidationException(Options.DefaultName, typeof(object), [$"{ex.Message} {ex.InnerException.Message}"]);
        }
    }

    private static async Task<int> ReportAsync(IEnumerable<string> failures, TextWriter error)
    {
        await error.WriteLineAsync("anatomybot: the configuration is not usable:");
        foreach (var failure in failures)
        {
            await error.WriteLineAsync("  - " + failure);
        }

        return ExitCode;
    }
}
