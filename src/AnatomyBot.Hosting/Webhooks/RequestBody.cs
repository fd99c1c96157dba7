using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>Reads a request body without trusting its declared length.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (the rest is not read). Dispose it
    /// once the ingress has seen it.</summary>
    public static async Task<RentedBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (request.ContentLength is { } declared)
        {
            return await ReadDeclaredAsync(request.BodyReader, (int)declared, cancellationToken);
        }

        var capacity = (int)Math.Min(16 * 1024, maxBytes);
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

        return RentedBody.Own(buffer.GetBuffer(), (int)buffer.Length);
    }

    /// <summary>A body of known length, taken from the request pipe once it has all arrived: one wake-up and one copy into
    /// a pooled buffer, where reading a stream in chunks woke the request once per network read and contended with the
    /// socket writer for the pipe's lock. A body that ends early comes back shorter (the ingress then refuses it).</summary>
    private static async Task<RentedBody> ReadDeclaredAsync(PipeReader reader, int length, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAtLeastAsync(length, cancellationToken);
        var available = result.Buffer.Slice(0, Math.Min(length, result.Buffer.Length));
        var body = RentedBody.Rent((int)available.Length, out var fill);
        available.CopyTo(fill);
        reader.AdvanceTo(available.End);
        return body;
    }
}
