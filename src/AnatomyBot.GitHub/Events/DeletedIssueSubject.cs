namespace AnatomyBot.GitHub.Events;

/// <summary>An issue that was deleted: nothing is left to read or write; the ledger closes its open gaps with it.</summary>
public sealed record DeletedIssueSubject(IssueId Issue) : Subject;
