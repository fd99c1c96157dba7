namespace AnatomyBot.GitHub.Auth;

/// <summary>Gives the token to call the API with: for one installation, one repository and the permissions of one kind of
/// call (App mode), or the plain token when no App is configured (scope and installation are then not used).</summary>
public interface IInstallationTokenSource
{
    ValueTask<string?> GetTokenAsync(long? installationId, TokenScope? scope, CancellationToken cancellationToken);

    /// <summary>Forget a token GitHub refused (401), so the next call mints a new one.</summary>
    void Invalidate(long? installationId);
}
