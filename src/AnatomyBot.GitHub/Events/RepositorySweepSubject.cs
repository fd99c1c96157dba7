namespace AnatomyBot.GitHub.Events;

/// <summary>A repository to re-sweep because the organisation's anatomy changed: its open issues and pull requests are
/// queued for re-evaluation unless it has an anatomy of its own (which the organisation's does not govern).</summary>
public sealed record RepositorySweepSubject(RepositoryId Repository) : Subject;
