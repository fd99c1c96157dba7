using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>The current <c>anatomy.yml</c>, read from its configured source and cached.</summary>
public interface IAnatomyProvider
{
    /// <summary>The anatomy; throws <see cref="InvalidOperationException"/> when the file is missing or invalid (a
    /// configuration problem: the delivery fails and can be replayed once the file is fixed).</summary>
    Task<EnterpriseAnatomy> GetAsync(CancellationToken cancellationToken);

    /// <summary>True when a push to this repository may have changed the anatomy.</summary>
    bool IsSourceRepository(string project, string repository);

    /// <summary>Forget the cached copy (after a push to the anatomy repository).</summary>
    void Invalidate();
}
