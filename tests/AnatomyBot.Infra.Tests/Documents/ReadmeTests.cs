using AnatomyBot.Infra.Tests.Infrastructure;

namespace AnatomyBot.Infra.Tests.Documents;

/// <summary>README.md is for users: it stays short (reference material lives in <c>docs/</c>), and every relative link
/// in it leads to a file, folder or heading that exists.</summary>
public sealed class ReadmeTests
{
    private const long MaxReadmeBytes = 25_000;

    private static string Readme => Path.Combine(InfraPaths.Root, "README.md");

    [Fact]
    public void Readme_Size_IsAtMost25000Bytes()
    {
        var bytes = new FileInfo(Readme).Length;

        Assert.True(bytes <= MaxReadmeBytes, $"README.md is {bytes:N0} bytes, more than {MaxReadmeBytes:N0}: move reference material to docs/.");
    }

    [Fact]
    public void Readme_RelativeLinks_LeadToExistingFilesAndHeadings()
    {
        Assert.Contains("docs/anatomy.md", MarkdownLinks.Relative(Readme));

        var broken = MarkdownLinks.Broken(Readme);

        Assert.True(broken.Count == 0, "README.md links that lead nowhere:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Broken_MissingFileOrHeading_IsReported()
    {
        var folder = Directory.CreateTempSubdirectory("anatomybot-links-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "topic.md"), "# Topic\n\n## The `check` command\n");
            var page = Path.Combine(folder.FullName, "page.md");
            File.WriteAllText(page, """
                | Where | Link |
                |---|---|
                | table | [ok](topic.md#the-check-command) |

                [missing file](nowhere.md) · [missing heading](topic.md#no-such-heading) · [web](https://example.com/x.md)
                [self](#top) ![image](topic.md)
                """);

            var broken = MarkdownLinks.Broken(page);

            Assert.Equal(3, broken.Count);
            Assert.StartsWith("nowhere.md:", broken[0], StringComparison.Ordinal);
            Assert.StartsWith("topic.md#no-such-heading:", broken[1], StringComparison.Ordinal);
            Assert.StartsWith("#top:", broken[2], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
