namespace SchoolTwitter.Application.ContentSafety;

/// <summary>Fetches a photo attached to someone else's post (X's media url), for the second check only; nothing is kept.</summary>
public interface IInboundImages
{
    /// <summary>The picture's bytes, at most <paramref name="maxBytes"/>; otherwise <see cref="InboundImageUnavailableException"/>.</summary>
    Task<byte[]> DownloadAsync(Uri url, int maxBytes, CancellationToken ct);
}

/// <summary>The picture could not be fetched or is too large; Reason is plain English with no address or content in it.</summary>
public sealed class InboundImageUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
}
