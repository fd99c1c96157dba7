using System.Globalization;

namespace AnatomyBot.Cli.Input;

/// <summary>Raised while reading a file that exceeds <see cref="AnatomyFileLoader.MaxBytes"/>; caught by the loader.</summary>
#pragma warning disable CA1032, CA1064 // Internal, never leaves the loader.
internal sealed class FileTooLargeException(long? length) : IOException(Describe(length))
#pragma warning restore CA1032, CA1064
{
    private static string Describe(long? length) => length is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"the file is {bytes / (1024.0 * 1024.0):0.0} MiB; anatomy files are limited to {AnatomyFileLoader.MaxBytes / (1024 * 1024)} MiB")
        : $"the file is larger than {AnatomyFileLoader.MaxBytes / (1024 * 1024)} MiB; anatomy files are limited to that size";
}
