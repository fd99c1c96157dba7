using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Tests.Linkage;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("*.js", "app.js", true)]
    [InlineData("*.js", "src/deep/app.js", true)]
    [InlineData("*.js", "app.jsx", false)]
    [InlineData("/build/logs/", "build/logs/a/b.txt", true)]
    [InlineData("/build/logs/", "src/build/logs/a.txt", false)]
    [InlineData("apps/", "x/apps/y.cs", true)]
    [InlineData("docs/*", "docs/getting-started.md", true)]
    [InlineData("docs/*", "docs/build-app/troubleshooting.md", false)]
    [InlineData("**/logs", "a/b/logs/x.txt", true)]
    [InlineData("src/pricing/**/*.cs", "src/pricing/Rules.cs", true)]
    [InlineData("src/pricing/**/*.cs", "src/pricing/a/b/Rules.cs", true)]
    [InlineData("src/pricing/**/*.cs", "lib/src/pricing/Rules.cs", false)]
    [InlineData("services/kyc", "services/kyc/Client.cs", true)]
    [InlineData("services/kyc", "services/kycx/Client.cs", false)]
    [InlineData("/Services/", "services/a.cs", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file/.txt", false)]
    public void Matches_CodeownersSemantics(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(pattern).IsMatch(path));
    }
}
