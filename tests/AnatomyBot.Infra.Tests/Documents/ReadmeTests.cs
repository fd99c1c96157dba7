using AnatomyBot.Infra.Tests.Infrastructure;

namespace AnatomyBot.Infra.Tests.Documents;

/// <summary>README.md is for users: it stays short (reference material lives in <c>docs/</c>), and every relative link
/// in it leads to a file, folder or heading that exists.</summary>
public sealed class ReadmeTests
{
    private const long MaxReadmeBytes = 25_000;

    /// <summary>Code spans starting with one of these are paths in this repository (others, such as
    /// <c>.github/anatomy.yml</c>, name files in the user's repositories).</summary>
    private static readonly string[] RepositoryFolders = ["src/", "tests/", "bench/", "docs/", "infra/", "samples/", "schema/", "templates/"];

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
    public void Readme_RepositoryPaths_Exist()
    {
        var paths = MarkdownCode.Spans(Readme)
            .Where(span => RepositoryFolders.Any(folder => span.StartsWith(folder, StringComparison.Ordinal)))
            .Where(span => !span.Contains('*', StringComparison.Ordinal) && !span.Contains('<', StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("src/AnatomyBot.Core", paths);

        var missing = paths.Where(p => !File.Exists(Path.Combine(InfraPaths.Root, p)) && !Directory.Exists(Path.Combine(InfraPaths.Root, p))).ToList();

        Assert.True(missing.Count == 0, "README.md names paths that do not exist (the layout must match the repository):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Readme_FilesNamedBesideAFolder_ExistInThatFolder()
    {
        var rows = MarkdownCode.TableRows(Readme)
            .Select(spans => (Folders: spans.Where(s => s.StartsWith("src/", StringComparison.Ordinal)).ToList(), Files: spans.Where(s => s.EndsWith(".cs", StringComparison.Ordinal)).ToList()))
            .Where(row => row.Folders.Count > 0 && row.Files.Count > 0)
            .ToList();
        Assert.Contains(rows, row => row.Files.Contains("GapCodes.cs"));

        var missing = rows
            .SelectMany(row => row.Files
                .Where(file => !row.Folders.Any(folder => Directory.Exists(Path.Combine(InfraPaths.Root, folder))
                    && Directory.EnumerateFiles(Path.Combine(InfraPaths.Root, folder), file, SearchOption.AllDirectories).Any()))
                .Select(file => $"{file} in none of {string.Join(", ", row.Folders)}"))
            .ToList();

        Assert.True(missing.Count == 0, "README.md points at files that are not where it says:\n" + string.Join('\n', missing));
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
