namespace AnatomyBot.GitHub.Snapshot;

public enum AnatomyLoadStatus
{
    Found,
    Missing,
    Invalid,
}
