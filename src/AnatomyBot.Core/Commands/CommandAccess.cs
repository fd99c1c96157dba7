namespace AnatomyBot.Core.Commands;

/// <summary>Who may run a command.</summary>
public enum CommandAccess
{
    /// <summary>Anyone who can comment: <c>recheck</c>, <c>explain</c>.</summary>
    Anyone,

    /// <summary>Users with write access to the repository or project: <c>link</c>.</summary>
    Write,

    /// <summary>Members of <c>policy.waivers.approvers</c>, or when that list is empty repository maintainers and admins
    /// (GitHub) or project administrators (Azure DevOps): <c>waive</c>, <c>unwaive</c>.</summary>
    Approver,
}
