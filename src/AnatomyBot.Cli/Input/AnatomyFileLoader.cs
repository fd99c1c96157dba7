using System.Globalization;
using System.Text;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Input;

/// <summary>Reads and parses an anatomy file with guards, for every command that takes one (lint, check, digest,
/// demo): a missing file, a directory, an empty file, binary or non-UTF-8 content and a file over
/// <see cref="MaxBytes"/> each give ONE line naming the file and the problem; nothing over the cap is ever read.</summary>
internal static class AnatomyFileLoader
{
    /// <summary>Largest anatomy file accepted (10 MiB, as for every anatomy source; a 1,000-component anatomy is about 1 MiB).</summary>
    public const long MaxBytes = IAnatomyFileSource.MaxFileBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The name under which the embedded onboarding sample is reported.</summary>
    public const string SampleName = "samples/onboarding/anatomy.yml";

    /// <summary>Reads and parses <paramref name="path"/>, or the embedded onboarding sample when it is null.</summary>
    public static AnatomyLoadResult Load(string? path)
    {
        var (text, failure) = path is null ? (EmbeddedSample(), null) : ReadText(path);
        return failure ?? new AnatomyLoadResult(text!.Name, null, AnatomyParser.Parse(text.Text));
    }

    /// <summary>The onboarding sample embedded in the assembly (the same file as <see cref="SampleName"/> in the repository).</summary>
    public static AnatomyText EmbeddedSample() => new(SampleName, EmbeddedResources.ReadText(EmbeddedResources.SampleAnatomy));

    /// <summary>Reads the text of <paramref name="path"/> with every guard; exactly one of the results is set.</summary>
    public static (AnatomyText? Text, AnatomyLoadResult? Failure) ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return (null, AnatomyLoadResult.Unreadable("(empty path)", "no file name given"));
        }

        if (Directory.Exists(path))
        {
            return (null, AnatomyLoadResult.Unreadable(path, "is a directory, not an anatomy file"));
        }

        if (!File.Exists(path))
        {
            return (null, AnatomyLoadResult.Unreadable(path, "file not found"));
        }

        byte[] bytes;
        try
        {
            bytes = ReadCapped(path);
        }
        catch (FileTooLargeException large)
        {
            return (null, AnatomyLoadResult.Unreadable(path, large.Message));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return (null, AnatomyLoadResult.Unreadable(path, $"cannot be read: {failure.Message}"));
        }

        return Decode(path, bytes);
    }

    private static byte[] ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            throw new FileTooLargeException(stream.Length);
        }

        // Read at most one byte more than the cap, so a growing file or a device without a length cannot make us read on.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new FileTooLargeException(null);
            }
        }

        return buffer.ToArray();
    }

    private static (AnatomyText? Text, AnatomyLoadResult? Failure) Decode(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, AnatomyLoadResult.Unreadable(path, "the file is empty; an anatomy file starts with 'version: 1'"));
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (null, AnatomyLoadResult.Unreadable(path, "the file is UTF-16 text; save it as UTF-8"));
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            return (null, AnatomyLoadResult.Unreadable(path, string.Create(CultureInfo.InvariantCulture, $"the file is binary, not YAML text (a NUL byte at offset {nul})")));
        }

        try
        {
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return (new AnatomyText(path, StrictUtf8.GetString(bytes, start, bytes.Length - start)), null);
        }
        catch (DecoderFallbackException invalid)
        {
            var offset = invalid.Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $" (invalid byte sequence near offset {invalid.Index})") : string.Empty;
            return (null, AnatomyLoadResult.Unreadable(path, $"the file is not UTF-8 text{offset}"));
        }
    }
}
