using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Storage.Serialization;

namespace AnatomyBot.Storage.Tests;

public sealed class EvaluationCodecTests
{
    [Fact]
    public void Trace_RoundTrips_IncludingEscapedAndNonAsciiIds()
    {
        var trace = new Trace(["o-1", "o \"quoted\""], ["stage/ü"], [], ["c-1", "c\\2"]);

        var decoded = EvaluationCodec.DecodeTrace(EvaluationCodec.EncodeTrace(trace));

        Assert.Equal(trace.Outcomes, decoded.Outcomes);
        Assert.Equal(trace.Stages, decoded.Stages);
        Assert.Empty(decoded.Logic);
        Assert.Equal(trace.Components, decoded.Components);
    }

    [Fact]
    public void Trace_RepeatedIds_AreOneInstance()
    {
        var first = EvaluationCodec.DecodeTrace("""[["o-9"],["s-9"],[],[]]""");
        var second = EvaluationCodec.DecodeTrace("""[["o-9"],["s-9"],[],[]]""");

        Assert.Same(first.Outcomes[0], second.Outcomes[0]);
        Assert.Same(first.Stages[0], second.Stages[0]);
    }

    [Fact]
    public void Gaps_RoundTrip()
    {
        var gaps = new Dictionary<string, GapSeverity> { [GapCodes.NoOutcome] = GapSeverity.Block, [GapCodes.NoStage] = GapSeverity.Warn };

        var decoded = EvaluationCodec.DecodeGaps(EvaluationCodec.EncodeGaps(gaps));

        Assert.Equal(gaps.OrderBy(g => g.Key, StringComparer.Ordinal), decoded.OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Empty(EvaluationCodec.DecodeGaps("{}"));
    }

    [Theory]
    [InlineData("""[["o"],["s"],["l"]]""")]
    [InlineData("""[["o"],["s"],["l"],["c"],["x"]]""")]
    [InlineData("""[["o"],["s"],["l"],[1]]""")]
    [InlineData("""{"a":1}""")]
    [InlineData("""[["o"]""")]
    [InlineData("not json")]
    public void Trace_Malformed_IsInvalidData(string json) =>
        Assert.Throws<InvalidDataException>(() => EvaluationCodec.DecodeTrace(json));

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"no-outcome":"block"}""")]
    [InlineData("""{"no-outcome":1.5}""")]
    [InlineData("""{"no-outcome":1""")]
    [InlineData("")]
    public void Gaps_Malformed_IsInvalidData(string json) =>
        Assert.Throws<InvalidDataException>(() => EvaluationCodec.DecodeGaps(json));
}
