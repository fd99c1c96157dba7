using System.Collections.Concurrent;
using AnatomyBot.AzureDevOps.Mapping;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The Azure DevOps item readers of a backlog's workers: one per part being filled, reused by the next part so
/// that each keeps its cache of repeated values across the file.</summary>
internal sealed class AzureDevOpsReaders(IReadOnlyCollection<string> keepFields)
{
    private readonly ConcurrentBag<AzureDevOpsItemReader> _free = [];

    public AzureDevOpsItemReader Rent() => _free.TryTake(out var reader) ? reader : new AzureDevOpsItemReader(keepFields);

    public void Return(AzureDevOpsItemReader reader) => _free.Add(reader);
}
