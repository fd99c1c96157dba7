using System.Runtime.CompilerServices;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Pipeline;

/// <summary>One <see cref="LinkageEngine"/> per parsed anatomy, for every channel (the engine indexes its anatomy once).
/// Keyed by the anatomy object itself, so a channel that keeps a parsed anatomy while its file is unchanged reuses its
/// engine, and an engine is dropped with the last reference to its anatomy.
/// An anatomy with waivers gets a <see cref="WaivingEngine"/>, which judges them on the day of each evaluation.</summary>
public sealed class EngineCache(TimeProvider? time = null)
{
    private readonly ConditionalWeakTable<EnterpriseAnatomy, ILinkageEngine> _engines = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ILinkageEngine For(EnterpriseAnatomy anatomy) => _engines.GetValue(
        anatomy,
        a => a.Waivers.Count == 0 ? new LinkageEngine(a) : new WaivingEngine(new LinkageEngine(a), a, _time));
}
