namespace AnatomyBot.GitHub.Events;

/// <summary>An issue or pull request, printed <c>owner/repo#12</c> — the GitHub <see cref="Core.Linkage.WorkItem.Id"/> form.</summary>
public sealed record IssueId(RepositoryId Repository, int Number)
{
    public override string ToString() => $"{Repository}#{Number}";
}
