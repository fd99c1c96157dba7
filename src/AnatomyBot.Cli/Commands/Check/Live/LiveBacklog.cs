using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>What the live reads found: the open items of every repository and project named, the entries that could not
/// be read (id, source, reason), and the anatomy read from the repository when <c>--anatomy</c> was not given.</summary>
internal sealed record LiveBacklog(
    IReadOnlyList<WorkItem> Items,
    IReadOnlyList<(string Id, ItemSource Source, string Reason)> Unreadable,
    EnterpriseAnatomy? Anatomy);
