using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>Reads a request body without trusting its declared length, and its headers as the ingress wants them.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (the rest is not read).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (request.ContentLength is { } declared)
        {
            return await ReadDeclaredAsync(request.BodyReader, (int)declared, cancellationToken);
        }

        var capacity = (int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes);
        using var buffer = new MemoryStream(capacity);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>A body of known length, taken from the request pipe once it has all arrived: one wake-up and one copy,
    /// where reading a stream in chunks woke the request once per network read and contended with the socket writer
    /// for the pipe's lock. A body that ends early comes back shorter (the ingress then refuses it).</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadDeclaredAsync(PipeReader reader, int length, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAtLeastAsync(length, cancellationToken);
        var available = result.Buffer.Slice(0, Math.Min(length, result.Buffer.Length));
        var body = available.ToArray();
        reader.AdvanceTo(available.End);
        return body;
    }

    /// <summary>Header names case-insensitive; repeated headers joined with a comma as HTTP allows.</summary>
    public static Dictionary<string, string> Headers(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        return headers;
    }
}
