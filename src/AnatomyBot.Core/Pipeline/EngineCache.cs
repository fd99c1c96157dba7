using System.Runtime.CompilerServices;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Pipeline;

/// <summary>One <see cref="LinkageEngine"/> per parsed anatomy, for every channel (the engine indexes its anatomy once).
/// Keyed by the anatomy object itself, so a channel that keeps a parsed anatomy while its file is unchanged reuses its
/// engine, and an engine is dropped with the last reference to its anatomy.</summary>
public sealed class EngineCache
{
    private readonly ConditionalWeakTable<EnterpriseAnatomy, ILinkageEngine> _engines = [];

    public ILinkageEngine For(EnterpriseAnatomy anatomy) => _engines.GetValue(anatomy, a => new LinkageEngine(a));
}
