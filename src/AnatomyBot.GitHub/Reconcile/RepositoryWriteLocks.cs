using System.Collections.Concurrent;

namespace AnatomyBot.GitHub.Reconcile;

/// <summary>Serialises read-plan-write per repository inside this process, so two deliveries for one pull request never
/// both see "no comment yet" and both create one. (Across processes the applier re-reads before creating, and after
/// creating removes a duplicate another process created at the same moment.)</summary>
public sealed class RepositoryWriteLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
