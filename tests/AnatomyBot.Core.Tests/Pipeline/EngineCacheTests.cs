using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Tests.Reconcile;

namespace AnatomyBot.Core.Tests.Pipeline;

public sealed class EngineCacheTests
{
    [Fact]
    public void For_TheSameAnatomyTwice_GivesTheSameEngine()
    {
        var cache = new EngineCache();

        Assert.Same(cache.For(ReconcileFixtures.Anatomy), cache.For(ReconcileFixtures.Anatomy));
    }

    [Fact]
    public void For_AnotherParseOfAnEqualAnatomy_GivesAnotherEngine()
    {
        var cache = new EngineCache();
        var a = ReconcileFixtures.Anatomy;
        var reparsed = new EnterpriseAnatomy(a.Outcomes, a.ValueStreams, a.Logic, a.Components, a.Policy);

        Assert.NotSame(cache.For(ReconcileFixtures.Anatomy), cache.For(reparsed));
    }
}
