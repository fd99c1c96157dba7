using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>How the texts name the item they are about: "this pull request", "this story"…</summary>
internal static class ItemNoun
{
    public static string This(WorkItem item) => "this " + GapText.Noun(item.Kind);

    public static bool IsPullRequest(WorkItem item) => item.Kind == ItemKind.PullRequest;
}
