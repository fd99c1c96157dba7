using System.Runtime.CompilerServices;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.GitHub.Handling;

/// <summary>One <see cref="LinkageEngine"/> per parsed anatomy (the engine indexes its anatomy once); the anatomy itself is
/// cached by blob SHA in <see cref="Snapshot.AnatomySource"/>, so an unchanged file reuses its engine.</summary>
public sealed class EngineCache
{
    private readonly ConditionalWeakTable<EnterpriseAnatomy, ILinkageEngine> _engines = [];

    public ILinkageEngine For(EnterpriseAnatomy anatomy) => _engines.GetValue(anatomy, a => new LinkageEngine(a));
}
