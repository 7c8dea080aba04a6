using Microsoft.AspNetCore.Http;

namespace SchoolTwitter.Functions.Http;

/// <summary>The body, or the fact that it was over the limit (answer 413). Never buffers more than limit + 1 bytes.</summary>
public sealed record BoundedBody(byte[]? Bytes, bool TooLarge)
{
    public static BoundedBody Over { get; } = new(null, true);
}

/// <summary>Reads a request body up to a limit: a declared Content-Length over the limit is refused before reading; a chunked body is cut off at the limit.</summary>
public static class BoundedBodyReader
{
    public static async Task<BoundedBody> ReadAsync(HttpRequest request, long limitBytes, CancellationToken ct)
    {
        if (request.ContentLength is { } declared && declared > limitBytes)
        {
            return BoundedBody.Over;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var toRead = (int)Math.Min(chunk.Length, limitBytes + 1 - buffer.Length);
            var read = await request.Body.ReadAsync(chunk.AsMemory(0, toRead), ct);
            if (read == 0)
            {
                return new BoundedBody(buffer.ToArray(), false);
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > limitBytes)
            {
                return BoundedBody.Over;
            }
        }
    }
}
