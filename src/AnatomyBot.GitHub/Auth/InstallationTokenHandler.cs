using System.Globalization;
using System.Net.Http.Headers;
using AnatomyBot.GitHub.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Auth;

/// <summary>In the GitHub HTTP pipeline: a request that clients acting as an App installation send with the placeholder
/// credential <c>installation:ID</c> leaves with an installation token minted for the repository it names and the
/// permissions of its kind of call (<see cref="TokenScopes"/>). Octokit's requests and the raw JSON reads take the same
/// path, so no call goes out with a token broader than it needs. Other credentials pass unchanged.</summary>
public sealed class InstallationTokenHandler(IServiceProvider services, IOptions<GitHubOptions> options) : DelegatingHandler
{
    private const string Prefix = "installation:";

    /// <summary>The credential an installation client carries until this handler swaps it for a scoped token.</summary>
    public static string Placeholder(long installationId) => Prefix + installationId.ToString(CultureInfo.InvariantCulture);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization?.Parameter is { } credential
            && credential.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(credential.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var installation))
        {
            var root = options.Value.BaseUrl.AbsolutePath;
            var path = request.RequestUri!.AbsolutePath;
            var scope = TokenScopes.For(request.Method, path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : path);
            var token = await services.GetRequiredService<IInstallationTokenSource>().GetTokenAsync(installation, scope, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
