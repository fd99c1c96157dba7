using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Backlog;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Snapshot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Octokit;

namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary><c>check --github OWNER/REPO</c>: each repository's open issues and pull requests read through the bot's own
/// GitHub client and HTTP pipeline (paging, ETag cache, rate limits, API-call tally), against <c>GITHUB_API_URL</c> (set
/// by Actions runners; GitHub Enterprise Server) or api.github.com, and the anatomy read from the repository as the bot
/// reads it (<c>GitHub:AnatomyPath</c>, then the owner's <c>.github</c> repository) unless <c>--anatomy</c> is given. With
/// <c>--pull-request N</c> (the Action on a pull request) that pull request is read instead of every open one.</summary>
internal static class GitHubLiveReader
{
    public static async Task<LiveBacklog> ReadAsync(IReadOnlyList<string> repositories, int? pullRequest, bool readAnatomy, ILiveProgress progress, TextWriter stderr, CancellationToken cancellationToken)
    {
        var ids = repositories.Select(r => RepositoryId.TryParse(r) ?? throw new LiveReadException($"check: --github '{r}' is not OWNER/REPO")).ToList();
        var (token, origin) = GitHubToken.Resolve();
        var baseUrl = BaseUrl();
        var settings = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(GitHubOptions.SectionName);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddGitHubBacklogReads(o =>
            {
                settings.Bind(o);
                (o.Token, o.AppId, o.BaseUrl) = (token, null, baseUrl);
            })
            .BuildServiceProvider();
        var client = services.GetRequiredService<GitHubClientFactory>().Create(_ => ValueTask.FromResult(token));
        var backlog = services.GetRequiredService<GitHubOpenBacklog>();
        if (token is null)
        {
            await stderr.WriteLineAsync("check: no GitHub token (GITHUB_TOKEN unset and no `gh auth token`): reading anonymously, public repositories only").ConfigureAwait(false);
        }

        var items = new List<WorkItem>();
        var unreadable = new List<(string, ItemSource, string)>();
        var anatomies = new List<AnatomyLoad>();
        using var tally = ApiCallTally.Begin();
        foreach (var repository in ids)
        {
            try
            {
                if (readAnatomy)
                {
                    anatomies.Add(await services.GetRequiredService<AnatomySource>().LoadAsync(client, repository).ConfigureAwait(false));
                }

                var read = await backlog.ReadAsync(client, repository, pullRequest, n => progress.Fetched(repository.ToString(), n, null), cancellationToken).ConfigureAwait(false);
                items.AddRange(read.Items);
                unreadable.AddRange(read.Unreadable.Select(u => (u.Id, ItemSource.GitHub, u.Reason)));
                if (read.Truncated)
                {
                    await stderr.WriteLineAsync($"check: {repository}: only the first {GitHubOpenBacklog.MaxPages * GitHubOpenBacklog.PageSize:N0} open issues and pull requests were read").ConfigureAwait(false);
                }
            }
            catch (Exception e) when (Explain(e, repository, origin, baseUrl) is { } message)
            {
                throw new LiveReadException(message, e);
            }
        }

        await stderr.WriteLineAsync($"check: read {items.Count:N0} open items from {string.Join(", ", ids)} with {tally.Tally.Calls:N0} GitHub API calls ({origin})").ConfigureAwait(false);
        return new LiveBacklog(items, unreadable, readAnatomy ? OneAnatomy(anatomies) : null);
    }

    /// <summary><c>GITHUB_API_URL</c> (Actions runners set it; GitHub Enterprise Server's <c>https://HOST/api/v3</c>), else
    /// api.github.com.</summary>
    private static Uri BaseUrl()
    {
        var configured = Environment.GetEnvironmentVariable("GITHUB_API_URL");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new Uri("https://api.github.com/");
        }

        return Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new LiveReadException($"check: GITHUB_API_URL '{configured}' is not an http(s) address");
    }

    /// <summary>The anatomy every repository read; the same file for all of them (the owner's <c>.github</c> fallback), or
    /// a message asking for <c>--anatomy</c>.</summary>
    private static EnterpriseAnatomy OneAnatomy(List<AnatomyLoad> loads)
    {
        foreach (var load in loads)
        {
            if (load.Status == AnatomyLoadStatus.Missing)
            {
                throw new LiveReadException("check: no anatomy found in the repository (GitHub:AnatomyPath, default .github/anatomy.yml, or the owner's .github repository); give --anatomy FILE");
            }

            if (load.Status == AnatomyLoadStatus.Invalid)
            {
                var errors = string.Join("; ", load.Errors.Take(5).Select(e => $"{e.Position}: {e.Code}: {e.Message}"));
                throw new LiveReadException($"check: the anatomy {load.Origin} does not lint: {errors}");
            }
        }

        var origins = loads.Select(l => l.Origin).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return origins.Count == 1
            ? loads[0].Anatomy!
            : throw new LiveReadException($"check: the repositories keep different anatomies ({string.Join(", ", origins)}); check them one at a time or give --anatomy FILE");
    }

    private static string? Explain(Exception e, RepositoryId repository, string origin, Uri baseUrl) => e switch
    {
        AuthorizationException => $"check: GitHub refused the credentials (401 Unauthorized) reading {repository} with {origin}: set GITHUB_TOKEN to a valid token that can read its issues and pull requests, or sign in with `gh auth login`",
        NotFoundException => $"check: {repository} was not found at {baseUrl}, or the token ({origin}) cannot see it",
        ForbiddenException => $"check: GitHub refused to list {repository}'s issues (403 Forbidden) with {origin}: the token needs read access to issues and pull requests",
        TransientDeliveryException t => $"check: GitHub's rate limit stopped the read of {repository}{(t.RetryAfter is { } wait ? $"; try again in {Math.Ceiling(wait.TotalMinutes):N0} min" : "")}",
        ApiException { StatusCode: var status } => $"check: GitHub answered {(int)status} {status} reading {repository}",
        HttpRequestException h => $"check: cannot reach GitHub at {baseUrl}: {h.Message}",
        _ => null,
    };
}
