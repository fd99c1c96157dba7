using System.Text;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;

namespace AnatomyBot.Cli.Digest;

/// <summary>Writes the whole digest (never cut) as Markdown in the chosen flavour and, when asked, as a standalone
/// HTML page. Re-running a week rewrites the same files; identical content is left untouched. Each file is replaced
/// whole or not at all.</summary>
internal sealed class FileDigestSink(string? markdownPath, string? htmlPath, DigestFlavor flavor = DigestFlavor.GitHub) : IDigestSink
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Name => "file";

    /// <summary>Opens a file for writing, created or truncated (a seam: tests give a stream that fails part-way).</summary>
    internal Func<string, Stream> OpenWrite { get; init; } = File.Create;

    public async Task<DigestPublication> PublishAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var actions = new List<(DigestPublicationAction Action, string Path)>();
        if (markdownPath is not null)
        {
            var markdown = DigestMarkdownRenderer.Render(digest, new DigestRenderOptions { Flavor = flavor });
            actions.Add((await WriteAsync(markdownPath, markdown, cancellationToken).ConfigureAwait(false), markdownPath));
        }

        if (htmlPath is not null)
        {
            actions.Add((await WriteAsync(htmlPath, DigestHtmlRenderer.Render(digest, MermaidBundle.Script), cancellationToken).ConfigureAwait(false), htmlPath));
        }

        var action = actions.Any(a => a.Action == DigestPublicationAction.Created) ? DigestPublicationAction.Created
            : actions.Any(a => a.Action == DigestPublicationAction.Updated) ? DigestPublicationAction.Updated
            : DigestPublicationAction.Unchanged;
        return new DigestPublication(Name, action, string.Join(", ", actions.Select(a => a.Path)));
    }

    private async Task<DigestPublicationAction> WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var exists = File.Exists(full);
        if (exists && await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false) == content)
        {
            return DigestPublicationAction.Unchanged;
        }

        if (Path.GetDirectoryName(full) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await WriteWholeAsync(full, content, cancellationToken).ConfigureAwait(false);
        return exists ? DigestPublicationAction.Updated : DigestPublicationAction.Created;
    }

    /// <summary>Writes a temporary file beside <paramref name="path"/> and moves it into place, so the file is either
    /// the old one or the whole new one; an interrupted or failed write removes the temporary file.</summary>
    private async Task WriteWholeAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            var file = OpenWrite(temporary);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(Utf8.GetBytes(content), cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
