using AnatomyBot.Core.Audit;

namespace AnatomyBot.Core.Tests.Audit;

/// <summary>The commit ids both platforms' pushes carry: git's all-zero id (a branch created or deleted) names no commit.</summary>
public sealed class AnatomyCommitTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("0000000000000000000000000000000000000000", true)]
    [InlineData("6dcb09b5b57875f334f61aebed695e2e4193db5e", false)]
    [InlineData("0000000000000000000000000000000000000001", false)]
    public void IsZero_GitsEmptyIdOrNone_True(string? objectId, bool expected) => Assert.Equal(expected, AnatomyCommit.IsZero(objectId));
}
