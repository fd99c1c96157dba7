namespace AnatomyBot.Cli.Input;

/// <summary>The anatomy file of <c>anatomybot check --anatomy FILE</c>, read and parsed on a thread of its own from the
/// start of the process, while the command line is set up and parsed on the main thread (the anatomy takes the
/// longest of the two). Only a lead: <see cref="Take"/> gives the result for the very path the parsed command line
/// names, and nothing otherwise, so the caller then loads the file itself; reading a file changes nothing, so a
/// prefetch the command does not use (a usage error, <c>--help</c>) only costs the read. Problems come out where the
/// caller loads the anatomy, as if it had loaded it there.</summary>
internal sealed class AnatomyPrefetch
{
    private readonly string _path;
    private readonly Task<AnatomyLoadResult> _load;

    private AnatomyPrefetch(string path, Func<string, AnatomyLoadResult> load)
    {
        _path = path;
        _load = Task.Factory.StartNew(() => load(path), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts loading the anatomy <paramref name="args"/> names for <c>check</c> (<c>--anatomy FILE</c> or
    /// <c>--anatomy=FILE</c>, given once, before any <c>--</c>, with no response file); null when they name none.</summary>
    public static AnatomyPrefetch? Start(IReadOnlyList<string> args, Func<string, AnatomyLoadResult>? load = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        return AnatomyPath(args) is { } path ? new AnatomyPrefetch(path, load ?? AnatomyFileLoader.Load) : null;
    }

    /// <summary>The prefetched result when <paramref name="path"/> is the file prefetched (waits for it; throws what the
    /// load threw), else null.</summary>
    public AnatomyLoadResult? Take(string path) =>
        string.Equals(path, _path, StringComparison.Ordinal) ? _load.GetAwaiter().GetResult() : null;

    private static string? AnatomyPath(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "check")
        {
            return null;
        }

        string? path = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--" || arg.StartsWith('@'))
            {
                return null;
            }

            string? value = null;
            if (arg == "--anatomy" && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (arg.StartsWith("--anatomy=", StringComparison.Ordinal) || arg.StartsWith("--anatomy:", StringComparison.Ordinal))
            {
                value = arg["--anatomy=".Length..];
            }

            if (value is null)
            {
                continue;
            }

            if (path is not null)
            {
                return null;
            }

            path = value;
        }

        return string.IsNullOrWhiteSpace(path) ? null : path;
    }
}
