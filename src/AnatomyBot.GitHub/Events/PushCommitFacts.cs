namespace AnatomyBot.GitHub.Events;

/// <summary><c>push</c>: one pushed commit as the payload lists it: its id, web address, author (login, else name) and the
/// paths it added, modified or removed.</summary>
public sealed record PushCommitFacts(string Id, string? Url, string? Author, IReadOnlyList<string> Paths);
