using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Doctor;

/// <summary>Checks a live GitHub set-up against what the bot needs, through the bot's own HTTP pipeline: the credential
/// (the App's key, or the token and its scopes), the App's permissions, webhook events and webhook, and for each
/// repository the installation, branch protection requiring the <c>anatomy</c> check, the anatomy file, and whether the
/// team approvers it names can be checked (<see cref="TeamApproverCheck"/>).</summary>
public sealed class GitHubDoctor(IHttpClientFactory http, IOptions<GitHubOptions> options, TimeProvider time)
{
    /// <summary>The check run name branch protection must require.</summary>
    public const string CheckName = "anatomy";

    /// <summary>The webhook route of both hosts.</summary>
    public const string WebhookPath = "/api/github/webhooks";

    private static readonly (string Permission, string Level)[] RequiredPermissions =
    [
        ("checks", "write"), ("contents", "read"), ("issues", "write"), ("metadata", "read"), ("pull_requests", "write"),
    ];

    private static readonly string[] RequiredEvents = [GitHubEvents.Issues, GitHubEvents.IssueComment, GitHubEvents.PullRequest, GitHubEvents.Push];

    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(IReadOnlyList<RepositoryId> repositories, Uri? webhookUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        var checks = new List<DoctorCheck>();
        var settings = options.Value;
        using var client = http.CreateClient(GitHubClientFactory.HttpClientName);
        var api = new GitHubDoctorApi(client, settings);
        string? jwt = null;
        if (settings.UsesApp)
        {
            jwt = AppJwt.Create(settings.AppId!, AppJwt.LoadKey(settings.PrivateKey is { Length: > 0 } pem ? pem : await File.ReadAllTextAsync(settings.PrivateKeyPath!, cancellationToken)), time.GetUtcNow());
            if (!await CheckAppAsync(api, jwt, checks, cancellationToken))
            {
                return checks;
            }

            checks.Add(await CheckHookAsync(api, jwt, webhookUrl, cancellationToken));
        }

        foreach (var repository in repositories)
        {
            var (token, permissions) = settings.UsesApp ? await InstallationTokenAsync(api, jwt!, repository, checks, cancellationToken) : (settings.Token, null);
            if (token is null)
            {
                continue;
            }

            await CheckRepositoryAsync(api, token, repository, settings, permissions, checks, cancellationToken);
        }

        return checks;
    }

    private static async Task<bool> CheckAppAsync(GitHubDoctorApi api, string jwt, List<DoctorCheck> checks, CancellationToken cancellationToken)
    {
        var (status, app, _) = await api.GetAsync("app", "Bearer", jwt, cancellationToken);
        if (app is not { } json)
        {
            checks.Add(DoctorCheck.Fail("GitHub App credential", $"GitHub refused the App's JSON web token ({(int)status})",
                "set GitHub:AppId to the App's id and GitHub:PrivateKey (or GitHub:PrivateKeyPath) to one of its current private keys (App settings → Private keys)"));
            return false;
        }

        var slug = json.TryGetProperty("slug", out var s) ? s.GetString() : json.GetProperty("name").GetString();
        checks.Add(DoctorCheck.Pass("GitHub App credential", $"App {slug} authenticates with its private key"));
        var granted = json.GetProperty("permissions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        var missing = RequiredPermissions
            .Where(r => !granted.TryGetValue(r.Permission, out var level) || (r.Level == "write" && level != "write" && level != "admin"))
            .Select(r => $"{r.Permission}: {r.Level}" + (granted.TryGetValue(r.Permission, out var has) ? $" (has {has})" : ""))
            .ToList();
        checks.Add(missing.Count == 0
            ? DoctorCheck.Pass("GitHub App permissions", "issues, pull requests, checks: write; contents, metadata: read")
            : DoctorCheck.Fail("GitHub App permissions", "missing " + string.Join(", ", missing),
                "grant them in the App's settings → Permissions & events; each installation's owner must then accept the new permissions"));
        var events = json.GetProperty("events").EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal);
        var unsubscribed = RequiredEvents.Where(e => !events.Contains(e)).ToList();
        checks.Add(unsubscribed.Count == 0
            ? DoctorCheck.Pass("GitHub App webhook events", string.Join(", ", RequiredEvents))
            : DoctorCheck.Fail("GitHub App webhook events", "not subscribed to " + string.Join(", ", unsubscribed),
                "tick them under the App's settings → Permissions & events → Subscribe to events"));
        return true;
    }

    private async Task<DoctorCheck> CheckHookAsync(GitHubDoctorApi api, string jwt, Uri? expected, CancellationToken cancellationToken)
    {
        const string Name = "GitHub App webhook";
        var (status, config, _) = await api.GetAsync("app/hook/config", "Bearer", jwt, cancellationToken);
        if (config is not { } json)
        {
            return DoctorCheck.Fail(Name, $"the webhook configuration could not be read ({(int)status})", "check the App's webhook under its settings → General → Webhook");
        }

        var url = json.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var fixUrl = $"set the App's webhook URL (settings → General → Webhook) to {expected?.AbsoluteUri ?? "https://<your app>" + WebhookPath}";
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var hook))
        {
            return DoctorCheck.Fail(Name, "the App has no webhook URL", fixUrl);
        }

        if (expected is not null ? hook != expected : !hook.AbsolutePath.TrimEnd('/').EndsWith(WebhookPath, StringComparison.Ordinal))
        {
            return DoctorCheck.Fail(Name, $"the App's webhook points at {hook.AbsoluteUri}", fixUrl);
        }

        if (!json.TryGetProperty("secret", out var secret) || secret.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(options.Value.WebhookSecret))
        {
            return DoctorCheck.Fail(Name, "the webhook has no secret on GitHub or GitHub:WebhookSecret is not set",
                "set the same random secret in the App's webhook settings and in GitHub:WebhookSecret");
        }

        return DoctorCheck.Pass(Name, $"{hook.AbsoluteUri}, with a secret");
    }

    private static async Task<(string? Token, IReadOnlyDictionary<string, string>? Permissions)> InstallationTokenAsync(GitHubDoctorApi api, string jwt, RepositoryId repository, List<DoctorCheck> checks, CancellationToken cancellationToken)
    {
        var name = $"{repository}: installation";
        var (status, installation, _) = await api.GetAsync($"repos/{repository.Owner}/{repository.Name}/installation", "Bearer", jwt, cancellationToken);
        if (installation is not { } json)
        {
            checks.Add(DoctorCheck.Fail(name, status == HttpStatusCode.NotFound ? "the App is not installed on it" : $"its installation could not be read ({(int)status})",
                $"install the App on {repository} (App settings → Install App), or give the installation access to it"));
            return (null, null);
        }

        var id = json.GetProperty("id").GetInt64();
        var token = await api.PostAsync($"app/installations/{id}/access_tokens", jwt, cancellationToken);
        if (token is null)
        {
            checks.Add(DoctorCheck.Fail(name, $"installation {id} could not mint a token", "check that the installation is not suspended (organisation settings → GitHub Apps)"));
            return (null, null);
        }

        checks.Add(DoctorCheck.Pass(name, $"installation {id} mints tokens"));
        var permissions = json.TryGetProperty("permissions", out var granted) && granted.ValueKind == JsonValueKind.Object
            ? granted.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return (token, permissions);
    }

    private static async Task CheckRepositoryAsync(GitHubDoctorApi api, string token, RepositoryId repository, GitHubOptions settings, IReadOnlyDictionary<string, string>? permissions, List<DoctorCheck> checks, CancellationToken cancellationToken)
    {
        var (status, repo, headers) = await api.GetAsync($"repos/{repository.Owner}/{repository.Name}", "Bearer", token, cancellationToken);
        if (repo is not { } json)
        {
            checks.Add(DoctorCheck.Fail($"{repository}: access", $"the credential cannot read it ({(int)status})",
                settings.UsesApp ? $"give the App's installation access to {repository}" : $"use a token that can read {repository} (classic: scope repo; fine-grained: this repository with Contents, Issues, Pull requests and Checks)"));
            return;
        }

        if (!settings.UsesApp)
        {
            checks.Add(TokenScopes(repository, headers));
        }

        var branch = json.GetProperty("default_branch").GetString() ?? "main";
        checks.Add(await BranchProtectionAsync(api, token, repository, branch, cancellationToken));
        var (anatomy, text) = await AnatomyAsync(api, token, repository, settings.AnatomyPath, branch, cancellationToken);
        checks.Add(anatomy);
        if (TeamApproverCheck.Evaluate(repository, text, permissions, settings.UsesApp ? null : headers) is { } teams)
        {
            checks.Add(teams);
        }
    }

    private static DoctorCheck TokenScopes(RepositoryId repository, HttpResponseHeaders headers)
    {
        var name = $"{repository}: token scopes";
        if (!headers.TryGetValues("X-OAuth-Scopes", out var values))
        {
            return DoctorCheck.Pass(name, "a fine-grained or Actions token (its permissions show in the checks below)");
        }

        var scopes = string.Join(',', values).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return scopes.Contains("repo", StringComparer.Ordinal) || scopes.Contains("public_repo", StringComparer.Ordinal)
            ? DoctorCheck.Pass(name, string.Join(", ", scopes))
            : DoctorCheck.Fail(name, scopes.Length == 0 ? "the token has no scopes" : "scopes " + string.Join(", ", scopes) + " lack repo", "create a token with the repo scope (public_repo for public repositories only), or use the GitHub App");
    }

    private static async Task<DoctorCheck> BranchProtectionAsync(GitHubDoctorApi api, string token, RepositoryId repository, string branch, CancellationToken cancellationToken)
    {
        var name = $"{repository}: branch protection";
        var fix = $"in {repository}'s settings → Branches, protect {branch} with 'Require status checks to pass' and the check {CheckName}";
        var (status, checks, _) = await api.GetAsync($"repos/{repository.Owner}/{repository.Name}/branches/{Uri.EscapeDataString(branch)}/protection/required_status_checks", "Bearer", token, cancellationToken);
        if (checks is not { } json)
        {
            return status == HttpStatusCode.NotFound
                ? DoctorCheck.Fail(name, $"{branch} does not require status checks", fix)
                : DoctorCheck.Fail(name, $"the protection of {branch} could not be read ({(int)status}: it needs Administration: read)", fix + " (doctor cannot see it without Administration: read)");
        }

        var contexts = json.GetProperty("contexts").EnumerateArray().Select(c => c.GetString())
            .Concat(json.TryGetProperty("checks", out var list) ? list.EnumerateArray().Select(c => c.GetProperty("context").GetString()) : []);
        return contexts.Contains(CheckName, StringComparer.Ordinal)
            ? DoctorCheck.Pass(name, $"{branch} requires {CheckName}")
            : DoctorCheck.Fail(name, $"{branch} does not require {CheckName}", fix);
    }

    private static async Task<(DoctorCheck Check, string? Text)> AnatomyAsync(GitHubDoctorApi api, string token, RepositoryId repository, string path, string branch, CancellationToken cancellationToken)
    {
        var name = $"{repository}: anatomy";
        var text = await api.GetFileAsync($"repos/{repository.Owner}/{repository.Name}/contents/{string.Join('/', path.Trim('/').Split('/').Select(Uri.EscapeDataString))}", token, cancellationToken);
        return (AnatomyFileCheck.Evaluate(name, path, text, $"no {path} on {branch}", $"commit the anatomy at {path} on {branch}, or set GitHub:AnatomyPath to where it is"), text);
    }
}
