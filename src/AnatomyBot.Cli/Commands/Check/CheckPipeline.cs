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
        List<EvaluatedItem>? unreadable = null;
        prepared = 0;
        foreach (var entry in entries)
        {
            if (entry.Prepared is { } item)
            {
                items[prepared++] = item;
            }
            else
            {
                (unreadable ??= []).Add(Unreadable(engine, entry));
            }
        }

        progress?.Evaluating(items.Length);
        var evaluated = engine.EvaluateEach(items);
        if (unreadable is not null)
        {
            evaluated = [.. unreadable, .. evaluated];
        }

        progress?.Done();
        return new CheckReport(evaluated, failOn);
    }

    /// <summary>The report line of an item that could not be read: its id and platform as far as they could be told, and
    /// why. Prepared (as an item of no kind, with the reason as its diagnostic) so the report holds one kind of line, but
    /// not evaluated: it links nothing and nothing links to it.</summary>
    private static EvaluatedItem Unreadable(LinkageEngine engine, BacklogEntry entry) => new(
        engine.Prepare(new WorkItem
        {
            Id = entry.Id,
            Source = entry.Source,
            Kind = Core.Policy.ItemKind.Other,
            Title = "",
            Diagnostics = [entry.Error ?? "unreadable"],
        }),
        Trace.Empty,
        []);
}
