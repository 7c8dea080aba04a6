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

    public const string PostFieldsParameterName = "post.fields";
    public const string LegacyPostFieldsParameter = "tweet.fields";

    /// <summary>
    /// X__PostFieldsParameter: how post reads name their fields. "post.fields" (X's OpenAPI document 2.167, the default) falls
    /// back to "tweet.fields" by itself the first time X refuses it; "tweet.fields" asks with the long-standing names only.
    /// </summary>
    public string PostFieldsParameter { get; set; } = PostFieldsParameterName;

    /// <summary>Page size for own recent posts and mentions (X allows 5-100).</summary>
    public int MentionsPageSize { get; set; } = 100;
}
