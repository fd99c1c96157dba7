using System.Globalization;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>The Core seam that lets the GitHub channel evaluate <c>AB#123</c> links against Azure Boards: reads the
/// items (ids <c>"123"</c> or <c>"AB#123"</c>) and their ancestors, mapped to Core records.</summary>
public sealed class AzureDevOpsWorkItemReader(AzureDevOpsSnapshotReader reader) : IWorkItemReader
{
    public ItemSource Source => ItemSource.AzureDevOps;

    public async Task<IReadOnlyList<WorkItem>> ReadWithAncestorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var numbers = ids.Select(Parse).Where(n => n > 0).Distinct().ToList();
        if (numbers.Count == 0)
        {
            return [];
        }

        var found = await reader.ReadWithAncestorsAsync(numbers, cancellationToken).ConfigureAwait(false);
        return [.. found.Values.OrderBy(i => i.Id).Select(AzureDevOpsSnapshotReader.Map).Select(r => r.Item).OfType<WorkItem>()];
    }

    private static int Parse(string id)
    {
        var text = id.Trim();
        if (text.StartsWith("AB#", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }
}
