using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using CsCheck;

namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>Batches of work items for the engine: hostile titles, bodies (Markdown and HTML), labels, fields and changed
/// paths; ids, parents and links drawn from a small pool so that parents form chains and cycles and links hit and miss.</summary>
internal static class EngineItems
{
    private static readonly string[] Ids =
        ["acme/shop#1", "acme/shop#2", "acme/shop#3", "acme/other#1", "1", "2", "3", "AB#2", "../..#1", "", " ", "acme/shop#99999999999"];

    private static readonly string[] Fields = ["System.Description", "Custom.Stage", "Custom.Component", "System.Title", "Microsoft.VSTS.Common.AcceptanceCriteria"];

    public static Gen<IReadOnlyList<WorkItem>> Batch() => Item().Array[1, 6].Select(items => (IReadOnlyList<WorkItem>)items);

    private static Gen<WorkItem> Item() =>
        from id in Gen.OneOf(Ids)
        from source in Gen.Enum<ItemSource>()
        from kind in Gen.Enum<ItemKind>()
        from title in HostileText.Any(4, 50)
        from body in Gen.Frequency((30, HostileText.Any(10, 200)), (1, HostileText.Known()))
        from html in Gen.Bool
        from labels in HostileText.Any(2, 20).Array[0, 5]
        from fields in Gen.Select(Gen.OneOf(Fields), HostileText.Any(4, 100)).Array[0, 3]
        from parent in Gen.Frequency((2, Gen.Const((string?)null)), (3, Gen.OneOf(Ids).Select(s => (string?)s)))
        from linked in Gen.OneOf(Ids).Array[0, 5]
        from paths in Gen.Frequency((3, HostileText.Any(4, 100)), (1, Gen.OneOf("src/a.cs", "docs/x.md", "a/a/a/a/a/a/a/a/b", ""))).Array[0, 8]
        select new WorkItem
        {
            Id = id,
            Source = source,
            Kind = kind,
            Title = title,
            Body = html ? "<div>" + body + "</div>" : body,
            BodyFormat = html ? BodyFormat.Html : BodyFormat.Markdown,
            Labels = labels,
            Fields = fields.DistinctBy(f => f.Item1).ToDictionary(f => f.Item1, f => f.Item2),
            ParentId = parent,
            LinkedItemIds = linked,
            ChangedPaths = paths,
            Scope = title.Length % 2 == 0 ? "acme/shop" : title,
        };
}
