using System.Buffers;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Text;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Reads the references an item makes by itself: labels or tags (<c>component:C-X</c>), body lines
/// (<c>Component: C-X</c>) outside code, Azure DevOps fields named by the policy, the parent (<see cref="WorkItem.ParentId"/>
/// or a <c>Parent: #N</c> line) and, for pull requests, the work items it links to. Pure and thread-safe; snapshot
/// readers use <see cref="LinkedWorkItems"/> and <see cref="ParentOf"/> to know what else to fetch.</summary>
public static class ReferenceExtractor
{
    /// <summary>Most linked work items read for one item; references past them (in the order written) are reported on
    /// the item and not read, so the API calls one pull request costs stay bounded.</summary>
    public const int MaxLinkedReferences = 50;

    private static readonly string[] Keywords = ["outcome", "stage", "logic", "component", "parent"];

    private static readonly SearchValues<string> ReferenceKeywords = SearchValues.Create(Keywords, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> MentionMarkers = SearchValues.Create(
        ["#", "/issues/", "_workitems", "workitems/"], StringComparison.OrdinalIgnoreCase);

    private static readonly (string Prefix, Layer Layer)[] LabelPrefixes =
    [
        ("outcome:", Layer.Outcome), ("stage:", Layer.Stage), ("logic:", Layer.Logic), ("component:", Layer.Component),
    ];

    /// <summary>The ids of the work items a pull request links to (platform links and mentions in its title and body),
    /// in the same id space as <see cref="WorkItem.Id"/>: Azure Boards ids as <c>"123"</c>, GitHub issues as
    /// <c>owner/repo#45</c>. Sorted, without duplicates; empty for items that are not pull requests.</summary>
    public static IReadOnlyList<string> LinkedWorkItems(WorkItem pr) => Extract(pr).LinkedItemIds;

    /// <summary>The parent id: <see cref="WorkItem.ParentId"/> when the platform carries it, else a body line
    /// <c>Parent: #N</c> (resolved against the item's repository on GitHub); null when there is none.</summary>
    public static string? ParentOf(WorkItem item) => Extract(item).ParentId;

    /// <summary>What <paramref name="item"/> references by itself under the default policy (the parent and linked work
    /// items do not depend on the policy).</summary>
    private static ItemReferences Extract(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Extract(new WorkItemDraft().From(item), item.Body, AnatomyPolicy.Default, new TextScratch());
    }

    /// <summary>Everything <paramref name="item"/> references by itself (ids as written), for an item read as a draft
    /// with its body apart, in <paramref name="scratch"/>: <see cref="ItemReferences.Elements"/> is the scratch's list,
    /// valid until its next item (the engine resolves the references at once and keeps none of them).</summary>
    internal static ItemReferences Extract(WorkItemDraft item, ReadOnlySpan<char> body, AnatomyPolicy policy, TextScratch scratch)
    {
        var elements = scratch.References;
        elements.Clear();
        var isPullRequest = item.Kind == ItemKind.PullRequest;
        var linked = isPullRequest ? new List<string>() : null;
        string? bodyParent = null;
        scratch.Diagnostics.Clear();

        ReadLabels(item.Labels, elements, scratch.Ids);
        ReadFields(item, policy, elements, scratch.Ids);

        if (linked is not null)
        {
            linked.AddRange(item.LinkedItemIds);
            WorkItemMentions.Find(item.Title, item, linked, scratch.Diagnostics);
        }

        if (MayReference(body, isPullRequest))
        {
            var lines = BodyLines.Read(body, item.BodyFormat, scratch);
            for (var l = 0; l < lines.Count; l++)
            {
                var line = lines[l];
                if (line.Length > WorkItemMentions.MaxLineChars)
                {
                    line = line[..WorkItemMentions.MaxLineChars];
                }

                if (ReferenceLine.TryRead(line, elements, scratch.Ids))
                {
                    continue;
                }

                var parent = ReferenceLine.ParentValue(line);
                if (!parent.IsEmpty)
                {
                    bodyParent ??= WorkItemMentions.ResolveOne(parent, item, scratch.Diagnostics);
                }
                else if (linked is not null)
                {
                    WorkItemMentions.Find(line.ToString(), item, linked, scratch.Diagnostics);
                }
            }
        }

        var notRead = 0;
        var linkedIds = linked is null ? null : Distinct(linked, item.Id, out notRead);
        if (notRead > 0)
        {
            scratch.Diagnostics.Add(NotRead(notRead));
        }

        List<string>? diagnostics = scratch.Diagnostics.Count == 0 ? null : [.. scratch.Diagnostics];

        // Typed as the interfaces: `list is null ? [] : list` would make a new empty List for every item.
        return new ItemReferences(
            elements.Count == 0 ? Array.Empty<ElementReference>() : elements,
            item.ParentId ?? bodyParent,
            linkedIds is null ? [] : (IReadOnlyList<string>)linkedIds,
            diagnostics is { Count: > 0 } ? diagnostics : (IReadOnlyList<string>)[]);
    }

    /// <summary>A cheap, conservative test that spares most bodies the line reader: true when a keyword is followed by
    /// a colon, allowing a plural <c>s</c>, blanks, emphasis marks and tags in between (<c>**Outcome**:</c>,
    /// <c>&lt;b&gt;Stage&lt;/b&gt;:</c>), or by an entity, or a keyword heading of a filled issue form (<c>### Outcomes</c>);
    /// for pull requests also any mention marker.</summary>
    private static bool MayReference(ReadOnlySpan<char> body, bool isPullRequest)
    {
        if (body.IsEmpty)
        {
            return false;
        }

        var span = body;
        if (isPullRequest && span.IndexOfAny(MentionMarkers) >= 0)
        {
            return true;
        }

        var offset = 0;
        while (offset < span.Length)
        {
            var at = span[offset..].IndexOfAny(ReferenceKeywords);
            if (at < 0)
            {
                return false;
            }

            at += offset;
            if (ColonFollows(span, at + KeywordLength(span[at..])) || FormFieldHeading.StartsHeading(span, at))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    private static int KeywordLength(ReadOnlySpan<char> text)
    {
        foreach (var keyword in Keywords)
        {
            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return keyword.Length;
            }
        }

        return 1;
    }

    private static bool ColonFollows(ReadOnlySpan<char> text, int i)
    {
        if (i < text.Length && (text[i] is 's' or 'S'))
        {
            i++;
        }

        while (i < text.Length)
        {
            switch (text[i])
            {
                case ':' or '&':
                    return true;
                case '<':
                    var close = text[i..].IndexOf('>');
                    if (close < 0)
                    {
                        return true;
                    }

                    i += close + 1;
                    break;
                case '*' or '_' or '~' or '\\':
                    i++;
                    break;
                default:
                    if (!char.IsWhiteSpace(text[i]))
                    {
                        return false;
                    }

                    i++;
                    break;
            }
        }

        return false;
    }

    private static void ReadLabels(IReadOnlyList<string> labels, List<ElementReference> elements, IdStrings ids)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i].AsSpan().Trim();
            foreach (var (prefix, layer) in LabelPrefixes)
            {
                if (label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var id = label[prefix.Length..].Trim();
                    if (!id.IsEmpty)
                    {
                        elements.Add(new ElementReference(layer, ids.Of(id)));
                    }

                    break;
                }
            }
        }
    }

    private static void ReadFields(WorkItemDraft item, AnatomyPolicy policy, List<ElementReference> elements, IdStrings ids)
    {
        if (policy.Fields.Count == 0 || item.Fields.Count == 0)
        {
            return;
        }

        foreach (var (field, layer) in policy.Fields)
        {
            if (item.Fields.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                ReferenceLine.AddIds(value, layer, elements, ids);
            }
        }
    }

    /// <summary>The diagnostic of an item whose references past <see cref="MaxLinkedReferences"/> were not read.</summary>
    public static string NotRead(int count) =>
        $"{count} more {(count == 1 ? "reference was" : "references were")} not read (at most {MaxLinkedReferences} linked work items are read per item)";

    /// <summary>The first <see cref="MaxLinkedReferences"/> distinct ids in the order written, sorted; how many distinct
    /// ids were left out.</summary>
    private static List<string> Distinct(List<string> ids, string self, out int notRead)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { self };
        var result = new List<string>(Math.Min(ids.Count, MaxLinkedReferences));
        notRead = 0;
        foreach (var id in ids)
        {
            if (set.Add(id))
            {
                if (result.Count < MaxLinkedReferences)
                {
                    result.Add(id);
                }
                else
                {
                    notRead++;
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
