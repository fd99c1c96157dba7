namespace AnatomyBot.GitHub.Configuration;

/// <summary>Configuration section <c>GitHub</c> (environment variables <c>GitHub__WebhookSecret</c> and so on).
/// Validated at start-up by <see cref="GitHubOptionsValidator"/>.</summary>
public sealed class GitHubOptions
{
    public const string SectionName = "GitHub";

    /// <summary>The webhook secret GitHub signs every delivery with (<c>X-Hub-Signature-256</c>). Required.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The secret before the last rotation, accepted as well while it is set: set it to the old value, change the
    /// secret in GitHub, then remove it once GitHub signs with the new one.</summary>
    public string? PreviousWebhookSecret { get; set; }

    /// <summary>The configured webhook secrets, current first.</summary>
    internal IEnumerable<string> WebhookSecrets() =>
        new[] { WebhookSecret, PreviousWebhookSecret }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);

    /// <summary>Development switch: accept deliveries without a signature when no secret is configured. Never in production.</summary>
    public bool AllowUnsignedWebhooks { get; set; }

    /// <summary>GitHub App id (the JWT's <c>iss</c>). With <see cref="PrivateKey"/> or <see cref="PrivateKeyPath"/>.</summary>
    public string? AppId { get; set; }

    /// <summary>The GitHub App's PEM private key (PKCS#1 <c>BEGIN RSA PRIVATE KEY</c> or PKCS#8).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Path of a file holding the PEM private key, instead of <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>A personal access or installation token, for simple setups without an App.</summary>
    public string? Token { get; set; }

    /// <summary>REST API base address: <c>https://api.github.com/</c>, or <c>https://HOST/api/v3/</c> on GitHub Enterprise Server,
    /// or a local fake for the demo.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>Where the anatomy lives in a repository (read at the default branch).</summary>
    public string AnatomyPath { get; set; } = ".github/anatomy.yml";

    /// <summary>The organisation-wide fallback repository (the Probot convention).</summary>
    public string OrganizationConfigRepository { get; set; } = ".github";

    /// <summary>Rate-limit waits up to this long are waited out in place; longer ones fail the delivery as transient with
    /// <c>RetryAfter</c> so the queue retries it later.</summary>
    public TimeSpan MaxInlineRetryWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Repositories (<c>owner/name</c>, comma-separated) whose open issues and pull requests the nightly sweep
    /// reconciles. In App mode every repository the App is installed on is swept as well.</summary>
    public string? Repositories { get; set; }

    /// <summary>How the bot gates a merge: <c>check-run</c> (default; the <c>anatomy</c> check run, which needs a GitHub
    /// App) or <c>status</c> (the commit status <c>anatomy</c>, which a personal access token can set). With
    /// <c>check-run</c>, a repository whose credential is refused check runs (403) gets the commit status instead.</summary>
    public string MergeGate { get; set; } = "check-run";

    internal bool UsesCommitStatus => string.Equals(MergeGate, "status", StringComparison.OrdinalIgnoreCase);

    /// <summary>User agent product name sent with every API request.</summary>
    public string UserAgent { get; set; } = "AnatomyBot";

    internal bool UsesApp => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The entries of <see cref="Repositories"/>; the validator has refused any that is not <c>owner/name</c>.</summary>
    internal IEnumerable<Events.RepositoryId> SweepRepositories() =>
        RepositoryEntries().Select(Events.RepositoryId.TryParse).OfType<Events.RepositoryId>();

    internal IEnumerable<string> RepositoryEntries() =>
        (Repositories ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
