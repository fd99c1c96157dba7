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
            await error.WriteLineAsync("anatomybot: the configuration is not usable:");
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync("  - " + failure);
            }

            return ExitCode;
        }
        catch (InvalidOperationException ex) when (ex.Source is "AnatomyBot.Storage" or "anatomybot")
        {
            await error.WriteLineAsync("anatomybot: " + ex.Message);
            return ExitCode;
        }
    }
}
