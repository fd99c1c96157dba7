namespace AnatomyBot.Fakes.GitHub;

/// <summary>A minted installation token: its installation, the repository names it was limited to (<c>null</c>: all the
/// installation's repositories) and the permissions it was limited to (<c>null</c>: all the App's).</summary>
public sealed record FakeInstallationToken(long Installation, IReadOnlyList<string>? Repositories, IReadOnlyDictionary<string, string>? Permissions)
{
    /// <summary>Whether the token reaches <paramref name="name"/>, a repository of its installation.</summary>
    public bool Reaches(string name) => Repositories is null || Repositories.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the token holds one of <paramref name="permissions"/> at <paramref name="level"/> or above.</summary>
    public bool Allows(IEnumerable<string> permissions, string level) =>
        Permissions is null || permissions.Any(p => Permissions.TryGetValue(p, out var held) && (held == "write" || held == level));
}
