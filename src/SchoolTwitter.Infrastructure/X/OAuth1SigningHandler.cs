using System.Net.Http.Headers;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Infrastructure.X;

/// <summary>
/// Signs each attempt afresh (new nonce and timestamp) for requests the X client marked with credentials. It sits inside the
/// retry handler: a retried read must not replay the first attempt's nonce, which X refuses.
/// </summary>
public sealed class OAuth1SigningHandler(TimeProvider time) : DelegatingHandler
{
    /// <summary>The credentials to sign with, set by <see cref="XApiClient"/> on each request.</summary>
    public static readonly HttpRequestOptionsKey<XCredentials> CredentialsKey = new("SchoolTwitter.XCredentials");

    private readonly OAuth1Signer _signer = new(time);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(CredentialsKey, out var credentials) && request.RequestUri is { } url)
        {
            // JSON and multipart bodies are never signed; the client sends no form-urlencoded bodies.
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(_signer.CreateAuthorizationHeader(request.Method, url, credentials));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
