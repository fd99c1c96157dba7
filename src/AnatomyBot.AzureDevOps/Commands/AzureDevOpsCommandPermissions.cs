using AnatomyBot.AzureDevOps.Rest.Dtos;

namespace AnatomyBot.AzureDevOps.Commands;

/// <summary>Who may run a command on Azure DevOps, decided from identities Azure DevOps itself returns (the comment's
/// author, the pull request's creator) without any membership call: the REST descriptions the bot is held to (Git, work
/// item tracking, service hooks) describe no group-membership or permission operation (those are the Graph and Security
/// APIs), so a group or the project administrators cannot be checked. <c>link</c>: a user named in
/// <c>policy.waivers.approvers</c> or the pull request's creator (creating one takes Contribute on the repository, the
/// nearest documented proof of contributing); <c>waive</c>/<c>unwaive</c>: a user named there, by unique name (sign-in
/// address) or identity id.</summary>
public static class AzureDevOpsCommandPermissions
{
    /// <summary>The most approvers one decision looks at.</summary>
    public const int MaxApprovers = 20;

    /// <summary>Whether <paramref name="approvers"/> names <paramref name="author"/> (<c>jamal@fabrikam.com</c>,
    /// <c>@jamal@fabrikam.com</c> or the identity's id), ignoring case.</summary>
    public static bool IsNamedApprover(IdentityDto author, IReadOnlyList<string> approvers)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(approvers);
        return approvers.Take(MaxApprovers).Select(a => a.Trim().TrimStart('@')).Any(a =>
            a.Length > 0 && (string.Equals(a, author.UniqueName, StringComparison.OrdinalIgnoreCase) || string.Equals(a, author.Id, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether two identities are one (by id, else by unique name).</summary>
    public static bool IsSame(IdentityDto author, IdentityDto? other) =>
        other is not null && (author.Id is { Length: > 0 } id ? string.Equals(id, other.Id, StringComparison.OrdinalIgnoreCase)
            : author.UniqueName is { Length: > 0 } name && string.Equals(name, other.UniqueName, StringComparison.OrdinalIgnoreCase));
}
