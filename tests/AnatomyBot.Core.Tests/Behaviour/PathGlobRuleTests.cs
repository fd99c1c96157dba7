using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary>CODEOWNERS-style component paths: where <c>*</c>, <c>**</c> and <c>?</c> may and may not reach.</summary>
public sealed class PathGlobRuleTests
{
    [Theory]
    [InlineData("src/**/rules.cs", "src/rules.cs", true)]
    [InlineData("src/**/rules.cs", "src/a/b/c/rules.cs", true)]
    [InlineData("src/**/rules.cs", "src/a/b/c/rules.csx", false)]
    [InlineData("src/**/rules.cs", "lib/src/a/rules.cs", false)]
    [InlineData("docs/**", "docs/a.md", true)]
    [InlineData("docs/**", "docs/a/b/c.md", true)]
    [InlineData("docs/**", "docsx/a.md", false)]
    [InlineData("src/**x", "src/a/b/x", true)]
    [InlineData("src/**x", "src/a/b/y", false)]
    [InlineData("*.js", "appjs", false)]
    [InlineData("*.js", "app.js", true)]
    [InlineData("*.js", "web/app.js", true)]
    [InlineData("src/*/x.cs", "src/a/x.cs", true)]
    [InlineData("src/*/x.cs", "src/a/b/x.cs", false)]
    [InlineData("src/*/x.cs", "src/x.cs", false)]
    [InlineData("a*b/c", "aXYZb/c", true)]
    [InlineData("a*b/c", "a/b/c", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file12.txt", false)]
    [InlineData("/build/", "build/out/a.dll", true)]
    [InlineData("/build/", "src/build/a.dll", false)]
    [InlineData("build/", "src/build/a.dll", true)]
    [InlineData("src/app", "src/app/main.cs", true)]
    [InlineData("src/app", "src/app", true)]
    [InlineData("src/app", "src/application/main.cs", false)]
    [InlineData("src/*.cs", "src/a/b.cs", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("  src/app  ", "src/app/x.cs", true)]
    [InlineData("src/app", "/src/app/x.cs", true)]
    public void IsMatch_Pattern_MatchesAsCodeownersDoes(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(pattern).IsMatch(path));
    }

    [Fact]
    public void Pattern_IsKeptAsWritten()
    {
        Assert.Equal(" src/** ", new PathGlob(" src/** ").Pattern);
    }

    [Fact]
    public void New_NullPattern_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PathGlob(null!));
    }

    [Fact]
    public void IsMatch_NullPath_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PathGlob("src/**").IsMatch(null!));
    }
}
