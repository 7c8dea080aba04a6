using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.ContentSafety;

namespace SchoolTwitter.Infrastructure.ContentSafety;

/// <summary>
/// Downloads a photo attached to a reply or mention (X's media url: public, no credentials sent), refusing one larger than
/// the cap before or while reading it. The bytes stay in memory for the one analysis; reasons never name the address.
/// </summary>
public sealed class HttpInboundImages(IHttpClientFactory http, IOptions<ContentSafetyOptions> options) : IInboundImages
{
    public const string HttpClientName = "x-media";

    public async Task<byte[]> DownloadAsync(Uri url, int maxBytes, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InboundImageUnavailableException($"X answered {(int)response.StatusCode} when the picture was fetched");
            }
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                // A missing or wrong Content-Length must not let a larger picture through.
                if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
                buffer.Write(chunk, 0, read);
            }
            if (buffer.Length == 0) throw new InboundImageUnavailableException("the picture X sent was empty");
            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new InboundImageUnavailableException("the picture could not be fetched from X in time", e);
        }
    }

    private static InboundImageUnavailableException TooLarge(int maxBytes) =>
        new($"the picture is larger than the {maxBytes / 1024:N0} KB the second check takes");
}
