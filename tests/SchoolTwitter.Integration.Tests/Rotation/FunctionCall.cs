using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace SchoolTwitter.Integration.Tests.Rotation;

/// <summary>Builds the HttpRequest a function receives and renders the IActionResult it returns, as the host would.</summary>
public static class FunctionCall
{
    public static HttpRequest Request(string method, string? body = null, string? sltEmail = null, string role = "SLT")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = "application/json";
        if (sltEmail is not null)
        {
            var principal = JsonSerializer.Serialize(new
            {
                auth_typ = "aad",
                claims = new[]
                {
                    new { typ = "preferred_username", val = sltEmail },
                    new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "0f8fad5b-d9cb-469f-a165-70867728950e" },
                    new { typ = "roles", val = role },
                },
            });
            context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principal));
        }

        return context.Request;
    }

    public static async Task<(int Status, string ContentType, string Body)> RenderAsync(IActionResult result)
    {
        // A ContentResult needs MVC's executor service to run; its parts are the answer.
        if (result is ContentResult content) return (content.StatusCode ?? 200, content.ContentType ?? "", content.Content ?? "");
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.ContentType ?? "", Encoding.UTF8.GetString(body.ToArray()));
    }
}
