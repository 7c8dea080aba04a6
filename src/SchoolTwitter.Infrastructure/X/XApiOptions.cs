namespace SchoolTwitter.Infrastructure.X;

/// <summary>X API client settings, bound from the "X" section (X__BaseUrl, X__AccountId, ...).</summary>
public sealed class XApiOptions
{
    public const string SectionName = "X";

    /// <summary>X__BaseUrl: the API root, e.g. https://api.x.com (the fake X's URL in tests).</summary>
    public string BaseUrl { get; set; } = "https://api.x.com";

    /// <summary>X__AccountId: the school's X user id.</summary>
    public string? AccountId { get; set; }

    /// <summary>Longest wait for one call, retries included. A create-post that runs out of time is ambiguous.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The query parameter naming post fields: "tweet.fields" (long-standing) or "post.fields" (2026 spec).</summary>
    public string PostFieldsParameter { get; set; } = "tweet.fields";

    /// <summary>Page size for own recent posts and mentions (X allows 5-100).</summary>
    public int MentionsPageSize { get; set; } = 100;
}
