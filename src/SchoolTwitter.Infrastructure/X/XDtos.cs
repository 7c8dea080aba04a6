using System.Text.Json.Serialization;

namespace SchoolTwitter.Infrastructure.X;

// X API v2 bodies as records, read and written by source-generated System.Text.Json (XJsonContext). Names follow X's
// OpenAPI document 2.167 (snake_case); the few long-standing names X may still send sit beside the current ones.
// Only what the client uses is declared: anything else X adds is ignored.

/// <summary>A single-object answer: <c>data</c>, and <c>errors</c> when X could not do some or all of it.</summary>
internal sealed record XResponse<T>(T? Data, IReadOnlyList<XProblemDto>? Errors) where T : class;

/// <summary>A page: <c>data</c> (absent when empty), <c>meta</c> with the next token, and partial <c>errors</c>.</summary>
internal sealed record XPageResponse<T>(IReadOnlyList<T>? Data, XMetaDto? Meta, IReadOnlyList<XProblemDto>? Errors, XIncludesDto? Includes = null);

/// <summary>Objects a page's posts refer to, asked for by expansions: the media of attachments.media_keys.</summary>
internal sealed record XIncludesDto(IReadOnlyList<XMediaItemDto>? Media);

/// <summary>One includes.media item (media.fields=url,type): a photo has a url, a video or GIF does not.</summary>
internal sealed record XMediaItemDto(string? MediaKey, string? Type, string? Url, string? AltText = null);

internal sealed record XMetaDto(int? ResultCount, string? NextToken);

/// <summary>
/// A problem (RFC 9457 shape: title, detail, type, parameter, value, resource_id) or an older error (code, message), as a
/// whole error body or as one item of <c>errors</c>. <see cref="Parameters"/> is the older shape's map of offending query
/// parameters to their values.
/// </summary>
internal sealed record XProblemDto(
    string? Title,
    string? Detail,
    string? Type,
    int? Status,
    string? Parameter,
    string? Value,
    string? ResourceType,
    string? ResourceId,
    int? Code,
    string? Message,
    Dictionary<string, IReadOnlyList<string>>? Parameters);

/// <summary>An error answer: problem fields at the top, and/or an <c>errors</c> list.</summary>
internal sealed record XErrorBody(
    string? Title,
    string? Detail,
    string? Type,
    int? Status,
    string? Parameter,
    IReadOnlyList<XProblemDto>? Errors);

internal sealed record XUserDto(
    string? Id,
    string? Username,
    string? Name,
    string? Description,
    string? ProfileImageUrl,
    string? CreatedAt,
    XUserMetricsDto? PublicMetrics,
    string? Url,
    string? Location,
    bool? DefaultProfileImage,
    XEntitiesDto? Entities = null);

/// <param name="TweetCount">The long-standing name of <see cref="PostCount"/>.</param>
internal sealed record XUserMetricsDto(long? FollowersCount, long? FollowingCount, long? PostCount, long? TweetCount);

/// <param name="ReferencedTweets">The long-standing name of <see cref="ReferencedPosts"/>.</param>
internal sealed record XPostDto(
    string? Id,
    string? Text,
    string? AuthorId,
    string? ConversationId,
    string? InReplyToUserId,
    string? CreatedAt,
    IReadOnlyList<XReferencedPostDto>? ReferencedPosts,
    IReadOnlyList<XReferencedPostDto>? ReferencedTweets,
    XEntitiesDto? Entities = null,
    XAttachmentsDto? Attachments = null);

/// <summary>A post's or a profile's links (entities.urls); a profile's website sits under entities.url.urls.</summary>
internal sealed record XEntitiesDto(IReadOnlyList<XUrlDto>? Urls, XUrlListDto? Url = null, XUrlListDto? Description = null);

internal sealed record XUrlListDto(IReadOnlyList<XUrlDto>? Urls);

internal sealed record XUrlDto(string? Url, string? ExpandedUrl, string? DisplayUrl, string? MediaKey);

internal sealed record XAttachmentsDto(IReadOnlyList<string?>? MediaKeys);

internal sealed record XReferencedPostDto(string? Type, string? Id);

internal sealed record XCreatedPostDto(string? Id, string? Text);

/// <param name="MediaIdString">The v1.1 upload's name of <see cref="Id"/>.</param>
internal sealed record XMediaDto(string? Id, string? MediaKey, string? MediaIdString);

internal sealed record XMediaMetadataResultDto(string? Id);

internal sealed record XMutingDto(bool? Muting);

internal sealed record XHiddenDto(bool? Hidden);

internal sealed record XDeletedDto(bool? Deleted);

internal sealed record XCreatePostBody(string Text, XCreatePostMedia? Media, string? ReplySettings);

internal sealed record XCreatePostMedia(IReadOnlyList<string> MediaIds);

internal sealed record XMediaMetadataBody(string Id, XMediaMetadataFields Metadata);

internal sealed record XMediaMetadataFields(XAltText AltText);

internal sealed record XAltText(string Text);

internal sealed record XMuteBody(string TargetUserId);

internal sealed record XHideBody(bool Hidden);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(XResponse<XUserDto>))]
[JsonSerializable(typeof(XResponse<XCreatedPostDto>))]
[JsonSerializable(typeof(XResponse<XMediaDto>))]
[JsonSerializable(typeof(XResponse<XMediaMetadataResultDto>))]
[JsonSerializable(typeof(XResponse<XMutingDto>))]
[JsonSerializable(typeof(XResponse<XHiddenDto>))]
[JsonSerializable(typeof(XResponse<XDeletedDto>))]
[JsonSerializable(typeof(XPageResponse<XUserDto>))]
[JsonSerializable(typeof(XPageResponse<XPostDto>))]
[JsonSerializable(typeof(XErrorBody))]
[JsonSerializable(typeof(XCreatePostBody))]
[JsonSerializable(typeof(XMediaMetadataBody))]
[JsonSerializable(typeof(XMuteBody))]
[JsonSerializable(typeof(XHideBody))]
internal sealed partial class XJsonContext : JsonSerializerContext;
