namespace AnatomyBot.GitHub.Events;

/// <summary>A repository, printed <c>owner/name</c>. Names taken from a payload or a body go through
/// <see cref="TryCreate"/> or <see cref="TryParse"/>: the owner must be <see cref="IsOwner"/>, the repository name
/// <see cref="IsRepositoryName"/>. Whatever the source, each part is one path segment that is never <c>.</c> or
/// <c>..</c>, and <see cref="ApiPath"/> escapes both, so no API path is ever built outside the API root.</summary>
public sealed record RepositoryId
{
    public RepositoryId(string Owner, string Name)
    {
        if (!IsRepositoryName(Owner) || !IsRepositoryName(Name))
        {
            throw new ArgumentException("The owner or repository name is not a single path segment of letters, digits, '.', '_' and '-'.", nameof(Name));
        }

        this.Owner = Owner;
        this.Name = Name;
    }

    public string Owner { get; }

    public string Name { get; }

    /// <summary><c>^[A-Za-z0-9][A-Za-z0-9._-]*$</c>, at most 100 characters: what an owner (user or organisation login)
    /// taken from a payload or a body must be.</summary>
    public static bool IsOwner(string? name) => Core.Pipeline.PlainName.Is(name);

    /// <summary>Letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, at most 100 characters, never <c>.</c> or <c>..</c>.
    /// Unlike an owner, a repository name may begin with a dot: GitHub allows it, and <c>.github</c> holds an
    /// organisation's defaults (the bot's fallback anatomy among them).</summary>
    public static bool IsRepositoryName(string? name) => Core.Pipeline.PlainName.IsSegment(name);

    /// <summary>The repository, or null when the owner is not <see cref="IsOwner"/> or the name not
    /// <see cref="IsRepositoryName"/>.</summary>
    public static RepositoryId? TryCreate(string? owner, string? name) =>
        IsOwner(owner) && IsRepositoryName(name) ? new RepositoryId(owner!, name!) : null;

    public static RepositoryId? TryParse(string? fullName)
    {
        var slash = fullName?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 && slash < fullName!.Length - 1 ? TryCreate(fullName[..slash], fullName[(slash + 1)..]) : null;
    }

    /// <summary><c>repos/{owner}/{name}</c> with each segment escaped, for a relative API path.</summary>
    public string ApiPath => $"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    public override string ToString() => $"{Owner}/{Name}";
}
