namespace SchoolTwitter.Application.X;

/// <summary>An error answer from X (problem JSON). Never carries credentials.</summary>
public class XApiException(int status, string message, string? title = null, string? detail = null) : Exception(message)
{
    public int Status { get; } = status;
    public string? Title { get; } = title;
    public string? Detail { get; } = detail;
}

/// <summary>429: rate limit or usage cap. Resume at <see cref="ResetAt"/> (from x-rate-limit-reset), never by sleeping.</summary>
public sealed class XRateLimitedException(DateTimeOffset resetAt)
    : XApiException(429, $"X rate limit reached; resets at {resetAt:O}.", "Too Many Requests")
{
    public DateTimeOffset ResetAt { get; } = resetAt;
}

/// <summary>401: the credentials are invalid or revoked (code 89).</summary>
public sealed class XUnauthorizedException(string? detail)
    : XApiException(401, "X refused the account's credentials.", "Unauthorized", detail);

/// <summary>403 duplicate content on create-post: often an earlier attempt did post.</summary>
public sealed class XDuplicateContentException(string? detail)
    : XApiException(403, "X says this post duplicates one already posted.", "Forbidden", detail);

/// <summary>A create-post whose outcome is unknown (timeout, 5xx, dropped connection): it may or may not have posted.</summary>
public sealed class XAmbiguousOutcomeException(string message, Exception? inner = null) : Exception(message, inner);
