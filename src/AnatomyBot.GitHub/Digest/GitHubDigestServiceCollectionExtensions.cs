using System.Net.Http.Headers;
using AnatomyBot.Core.Digest;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.GitHub.Digest;

public static class GitHubDigestServiceCollectionExtensions
{
    /// <summary>Adds the GitHub issue digest sink as an <see cref="IDigestSink"/>, over a named <see cref="HttpClient"/>
    /// (<see cref="GitHubIssueDigestSink.HttpClientName"/>) with GitHub's REST headers and, when set, the token.</summary>
    public static IServiceCollection AddGitHubIssueDigestSink(this IServiceCollection services, GitHubIssueDigestSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new GitHubIssueDigestSinkOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new InvalidOperationException($"{GitHubIssueDigestSinkOptions.SectionName}: " + string.Join(" ", validation.Failures ?? []));
        }

        services.AddHttpClient(GitHubIssueDigestSink.HttpClientName, client =>
        {
            client.BaseAddress = options.ApiBaseUrl.AbsoluteUri.EndsWith('/') ? options.ApiBaseUrl : new Uri(options.ApiBaseUrl.AbsoluteUri + "/");
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("AnatomyBot", "0.1"));
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            client.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
            if (!string.IsNullOrEmpty(options.Token))
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
            }
        });
        services.AddSingleton<IDigestSink>(sp => new GitHubIssueDigestSink(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(GitHubIssueDigestSink.HttpClientName), options));
        return services;
    }
}
