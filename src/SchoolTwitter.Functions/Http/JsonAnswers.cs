using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SchoolTwitter.Functions.Http;

/// <summary>
/// JSON answers of the HTTP API, one shape for every route: camelCase names and enum values (as docs/openapi.yaml describes).
/// A ContentResult writes directly, so tests can execute it against a plain HttpContext.
/// </summary>
internal static class JsonAnswers
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ContentResult Ok(object value, int status = StatusCodes.Status200OK) => new()
    {
        Content = JsonSerializer.Serialize(value, value.GetType(), Options),
        ContentType = "application/json; charset=utf-8",
        StatusCode = status,
    };
}
