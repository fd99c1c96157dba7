using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Digest;

/// <summary>Reads backlog exports and evaluates them with the linkage engine, for the stateless digest.</summary>
internal static class StatelessBacklog
{
    public static async Task<IReadOnlyList<ItemEvaluation>?> EvaluateAsync(EnterpriseAnatomy anatomy, IReadOnlyList<string> files, TextWriter stderr, CancellationToken cancellationToken)
    {
        // TEMPORARY until the engine helper's backlog reader is merged.
        _ = anatomy;
        _ = files;
        _ = cancellationToken;
        await stderr.WriteLineAsync("digest: --backlog is not wired yet.").ConfigureAwait(false);
        return null;
    }
}
