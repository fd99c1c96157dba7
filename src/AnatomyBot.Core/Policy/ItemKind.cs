namespace AnatomyBot.Core.Policy;

/// <summary>What kind of work an item is. Codes (YAML, JSON): epic, feature, story, pull-request, other.</summary>
public enum ItemKind
{
    Other = 0,
    Epic,
    Feature,
    Story,
    PullRequest,
}
