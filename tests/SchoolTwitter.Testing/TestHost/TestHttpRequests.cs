using Microsoft.AspNetCore.Http;

namespace SchoolTwitter.Testing.TestHost;

/// <summary>Builds HttpRequest objects for calling HTTP-triggered functions directly.</summary>
public static class TestHttpRequests
{
    public static HttpRequest Create(
        string method,
        string path,
        byte[]? body = null,
        string contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null,
        IServiceProvider? services = null,
        bool declareContentLength = true)
    {
        var context = new DefaultHttpContext { RequestServices = services! };
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("func-schooltwitter.example");
        var query = path.IndexOf('?');
        request.Path = query < 0 ? path : path[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        context.Response.Body = new MemoryStream();
        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            request.ContentType = contentType;
            if (declareContentLength)
            {
                request.ContentLength = body.Length;
            }
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        return request;
    }
}
