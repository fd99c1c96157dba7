namespace AnatomyBot.GitHub.Events;

/// <summary>A repository, printed <c>owner/name</c>.</summary>
public sealed record RepositoryId(string Owner, string Name)
{
    public static RepositoryId? TryParse(string? fullName)
    {
        var slash = fullName?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 && slash < fullName!.Length - 1 ? new(fullName[..slash], fullName[(slash + 1)..]) : null;
    }

    public override string ToString() => $"{Owner}/{Name}";
}
