using SchoolTwitter.Application.X;

namespace SchoolTwitter.Testing.FakeX;

/// <summary>Faults the fake X can inject into the next matching requests.</summary>
public enum FakeFault
{
    /// <summary>429 with x-rate-limit-reset = <see cref="FakeXServer.RateLimitReset"/> (default: now + 15 minutes).</summary>
    RateLimited,

    /// <summary>500 problem JSON; nothing is done.</summary>
    ServerError500,

    /// <summary>503 problem JSON; nothing is done.</summary>
    ServiceUnavailable503,

    /// <summary>Waits <see cref="FakeXServer.SlowReplyDelay"/> first, then does the work and answers (if the client is still there).</summary>
    SlowReply,

    /// <summary>Does the work (a create really posts), then drops the connection without answering.</summary>
    DropConnectionAfterCreate,

    /// <summary>403 duplicate content; nothing is posted.</summary>
    DuplicateContent,
}

/// <summary>A post held by the fake (created through the API or seeded).</summary>
public sealed record FakePost(
    string Id,
    string AuthorId,
    string Text,
    IReadOnlyList<string> MediaIds,
    string? ReplySettings,
    DateTimeOffset CreatedAt,
    bool Deleted = false)
{
    public XPost ToXPost() => new(Id, Text, AuthorId, Id, CreatedAt: CreatedAt);
}

/// <summary>A media upload the fake received; <see cref="AltText"/> is set by /2/media/metadata.</summary>
public sealed record FakeUpload(string MediaId, byte[] Bytes, string? MediaType, string? MediaCategory, string AccountId)
{
    public string? AltText { get; internal set; }
}

/// <summary>One request as the fake saw it (after reading the body).</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? ContentType, string Body, bool Authenticated);
