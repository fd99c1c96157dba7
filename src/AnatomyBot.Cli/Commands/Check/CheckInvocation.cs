using AnatomyBot.Cli.Commands.Check.Live;
using AnatomyBot.Cli.Input;
using AnatomyBot.Cli.Output;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One run of <c>anatomybot check</c>: validates the flags, reads the live sources (which may supply the
/// anatomy) and the files, evaluates them in one batch and writes the report. The anatomy file may have been read
/// already (<paramref name="Prefetch"/>).</summary>
internal sealed record CheckInvocation(string? AnatomyPath, string[] BacklogPaths, string[] GitHub, int? PullRequest, string? AzureDevOps, string Format, string FailOn, string? Today = null, AnatomyPrefetch? Prefetch = null)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (Usage() is { } usage)
        {
            return Fail(usage);
        }

        if (TodayOption.Parse(Today, "check", out var badToday) is not { } today)
        {
            return Fail(badToday!);
        }

        try
        {
            var anatomy = AnatomyPath is null ? null : AnatomyFile.Load(AnatomyPath, Prefetch);
            var live = await ReadLiveAsync(cancellationToken).ConfigureAwait(false);
            anatomy ??= live?.Anatomy ?? throw new LiveReadException("check: --anatomy FILE is required");
            var paths = BacklogPaths.ToList();
            while (true)
            {
                try
                {
                    return Evaluate(anatomy, paths, live, today, cancellationToken);
                }
                catch (BacklogFileException ex) when (ex.WiqlResultFile is { } wiql && paths.Contains(wiql) && AnatomyPath is not null && AzureDevOpsLiveReader.HasCredential)
                {
                    // A WIQL result lists ids only: with credentials at hand, fetch its items and evaluate them with the rest.
                    var (ids, projectUrl) = WiqlResult.Read(wiql);
                    var fetched = await AzureDevOpsLiveReader.ReadWorkItemsAsync(projectUrl, ids, AnatomyPath, Console.Error, cancellationToken).ConfigureAwait(false);
                    paths.Remove(wiql);
                    live = live is null ? fetched : new LiveBacklog([.. live.Items, .. fetched.Items], [.. live.Unreadable, .. fetched.Unreadable], live.Anatomy);
                }
            }
        }
        catch (BacklogFileException ex)
        {
            return Fail(ex.Message);
        }
        catch (LiveReadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return CheckCommand.InvalidInput;
        }
    }

    private int Evaluate(EnterpriseAnatomy anatomy, List<string> paths, LiveBacklog? live, DateOnly today, CancellationToken cancellationToken)
    {
        var files = new List<(string Name, Stream Content)>();
        try
        {
            foreach (var path in paths)
            {
                files.Add((path, OpenBacklog(path)));
            }

            var totalBytes = files.Sum(f => f.Content.CanSeek ? f.Content.Length : 0);
            var progress = SpectreCheckProgress.ShouldShow(totalBytes) ? new SpectreCheckProgress() : null;
            using var noCollection = NoCollectionRegion.For(totalBytes);
            var report = CheckPipeline.Run(anatomy, files, Enum.Parse<FailOn>(FailOn, ignoreCase: true), progress, withUrls: Format == "markdown", live, WaiverSet.For(anatomy, today), cancellationToken);
            Write(report, anatomy, cancellationToken);
            return report.Failed ? CheckCommand.GapsFound : CheckCommand.Passed;
        }
        finally
        {
            files.ForEach(f => f.Content.Dispose());
        }
    }

    /// <summary>Every repository and project named, as one backlog; null when none is.</summary>
    private async Task<LiveBacklog?> ReadLiveAsync(CancellationToken cancellationToken)
    {
        var readAnatomy = AnatomyPath is null;
        if (GitHub.Length == 0 && AzureDevOps is null)
        {
            return null;
        }

        var progress = SpectreCheckProgress.ShouldShowLive() ? new SpectreCheckProgress() : null;
        var shown = (ILiveProgress?)progress ?? NoLiveProgress.Instance;
        try
        {
            var parts = new List<LiveBacklog>();
            if (GitHub.Length > 0)
            {
                parts.Add(await GitHubLiveReader.ReadAsync(GitHub, PullRequest, readAnatomy, shown, Console.Error, cancellationToken).ConfigureAwait(false));
            }

            if (AzureDevOps is not null)
            {
                parts.Add(await AzureDevOpsLiveReader.ReadAsync(AzureDevOps, AnatomyPath, shown, Console.Error, cancellationToken).ConfigureAwait(false));
            }

            return new LiveBacklog([.. parts.SelectMany(p => p.Items)], [.. parts.SelectMany(p => p.Unreadable)], parts.Select(p => p.Anatomy).FirstOrDefault(a => a is not null));
        }
        finally
        {
            progress?.Done();
        }
    }

    private string? Usage()
    {
        if (string.IsNullOrWhiteSpace(AnatomyPath) && AnatomyPath is not null)
        {
            return "check: --anatomy needs a FILE";
        }

        if (BacklogPaths.Length == 0 && GitHub.Length == 0 && AzureDevOps is null)
        {
            return "check: give at least one --backlog FILE, --github OWNER/REPO or --azure-devops URL";
        }

        if (AnatomyPath is null && GitHub.Length == 0 && AzureDevOps is null)
        {
            return "check: --anatomy FILE is required";
        }

        if (AnatomyPath is null && GitHub.Length > 0 && AzureDevOps is not null)
        {
            return "check: give --anatomy FILE when reading both GitHub and Azure DevOps";
        }

        if (PullRequest is { } number && (GitHub.Length != 1 || number < 1))
        {
            return "check: --pull-request NUMBER goes with exactly one --github OWNER/REPO";
        }

        if (Format is not ("text" or "json" or "markdown"))
        {
            return $"check: --format must be text, json or markdown, not '{Format}'";
        }

        return FailOn is "block" or "warn" or "never" ? null : $"check: --fail-on must be block, warn or never, not '{FailOn}'";
    }

    internal static FileStream OpenBacklog(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BacklogFileException($"{path}: cannot read the backlog file: {ex.Message}");
        }
    }

    /// <summary>Writes the report to standard output; interrupted, it stops at its next write.</summary>
    private void Write(CheckReport report, EnterpriseAnatomy anatomy, CancellationToken cancellationToken)
    {
        if (Format == "json")
        {
            using var console = Console.OpenStandardOutput();
            using var stdout = new CancellableStream(console, cancellationToken);
            JsonReportWriter.Write(report, stdout);
            return;
        }

        using var output = new CancellableTextWriter(Console.Out, cancellationToken);
        if (Format == "markdown")
        {
            MarkdownStoryMapWriter.Write(report, anatomy, output);
        }
        else
        {
            TextReportWriter.Write(report, output);
        }

        output.Flush();
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return CheckCommand.InvalidInput;
    }
}
