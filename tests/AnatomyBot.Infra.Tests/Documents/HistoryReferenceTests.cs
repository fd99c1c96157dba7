using AnatomyBot.Infra.Tests.Infrastructure;

namespace AnatomyBot.Infra.Tests.Documents;

/// <summary>Documents and code comments describe the product as it is: none refers to work sessions, issue numbers or
/// commit hashes.</summary>
public sealed class HistoryReferenceTests
{
    [Fact]
    public void Repository_DocumentsAndSources_ReferToNoSessionIssueOrCommit()
    {
        var files = HistoryReferences.Files(InfraPaths.Root).ToList();
        Assert.Contains(files, f => f.EndsWith("README.md", StringComparison.Ordinal));

        var found = files
            .SelectMany(f => HistoryReferences.In(File.ReadAllText(f), f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Select(line => $"{InfraPaths.Relative(f)}:{line}"))
            .ToList();

        Assert.True(found.Count == 0, "History belongs to git, not to documents or comments:\n" + string.Join('\n', found));
    }

    // The examples that must be found are split in two, so that the repository scan above does not find them here.
    [Theory]
    [InlineData("Figures at the end of sess" + "ion 6.", true)]
    [InlineData("As promised in the last work" + " period.", true)]
    [InlineData("Needed by iss" + "ue 7's target.", true)]
    [InlineData("See iss" + "ue #12.", true)]
    [InlineData("Final build (`9c8f" + "42c`), five runs.", true)]
    [InlineData("Closes #12 and AB#123.", false)]
    [InlineData("The session cookie is refreshed.", false)]
    [InlineData("The label `anatomy-digest` marks each issue.", false)]
    [InlineData("Version `1234567` is plain digits.", false)]
    public void In_Line_FindsHistoryOnly(string line, bool expected)
    {
        Assert.Equal(expected, HistoryReferences.In(line, markdown: true).Any());
    }
}
