using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>HttpClients for an XApiClient built by hand: they sign each request as Program.cs's pipeline does (OAuth1SigningHandler).</summary>
public static class XHttpClients
{
    /// <param name="inner">Where requests go once signed (a scripted handler); a real socket when null.</param>
    public static HttpClient Signed(TimeProvider time, HttpMessageHandler? inner = null) =>
        new(new OAuth1SigningHandler(time) { InnerHandler = inner ?? new SocketsHttpHandler() });
}
