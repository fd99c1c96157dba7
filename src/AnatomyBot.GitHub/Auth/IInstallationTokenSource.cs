namespace AnatomyBot.GitHub.Auth;

/// <summary>Gives the token to call the API with for one installation (or the plain token when no App is configured).</summary>
public interface IInstallationTokenSource
{
    ValueTask<string?> GetTokenAsync(long? installationId, CancellationToken cancellationToken);

    /// <summary>Forget a token GitHub refused (401), so the next call mints a new one.</summary>
    void Invalidate(long? installationId);
}
