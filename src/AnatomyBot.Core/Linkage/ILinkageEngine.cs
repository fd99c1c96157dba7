namespace AnatomyBot.Core.Linkage;

/// <summary>The heart of the product: places every item on the anatomy and finds what it lacks.
/// Pure: the same anatomy and items always give the same evaluations.</summary>
public interface ILinkageEngine
{
    /// <summary>Evaluates every item. Parents and linked items are looked up among <paramref name="items"/>;
    /// a missing one is a diagnostic on the item, not an error. Results are in the order of <paramref name="items"/>.</summary>
    IReadOnlyList<ItemEvaluation> Evaluate(IReadOnlyList<WorkItem> items);
}
