using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The core of <c>check</c>, shared by the command and its benchmark: read every backlog (streamed, item by
/// item), map and prepare each item on the reader's workers, evaluate with one engine, and build the report.</summary>
internal static class CheckPipeline
{
    public static CheckReport Run(
        EnterpriseAnatomy anatomy,
        IEnumerable<(string Name, Stream Content)> backlogs,
        FailOn failOn,
        ICheckProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        ArgumentNullException.ThrowIfNull(backlogs);
        var keepFields = anatomy.Policy.Fields.Keys.ToArray();
        var engine = new LinkageEngine(anatomy);
        var entries = new List<BacklogEntry>();
        foreach (var (name, content) in backlogs)
        {
            progress?.Reading(name, content.CanSeek ? content.Length : 0);
            BacklogReader.Read(name, content, keepFields, entries, progress is null ? null : progress.Read, engine);
        }

        var prepared = 0;
        foreach (var entry in entries)
        {
            prepared += entry.Prepared is null ? 0 : 1;
        }

        var items = new PreparedItem[prepared];
        var unreadable = new List<CheckedItem>();
        prepared = 0;
        foreach (var entry in entries)
        {
            if (entry.Prepared is { } item)
            {
                items[prepared++] = item;
            }
            else
            {
                unreadable.Add(CheckedItem.Unreadable(entry));
            }
        }

        progress?.Evaluating(items.Length);
        var evaluated = engine.EvaluateEach(items);
        var checkedItems = new CheckedItem[unreadable.Count + evaluated.Length];
        unreadable.CopyTo(checkedItems);
        for (var i = 0; i < evaluated.Length; i++)
        {
            checkedItems[unreadable.Count + i] = CheckedItem.From(evaluated[i]);
        }

        progress?.Done();
        return new CheckReport(checkedItems, failOn);
    }
}
