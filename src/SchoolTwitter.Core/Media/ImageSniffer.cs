namespace SchoolTwitter.Core.Media;

public enum ImageFormat
{
    Jpeg,
    Png,
    Gif,
    WebP,
}

/// <summary>What an image's bytes say it is (never its file name).</summary>
public sealed record ImageInfo(ImageFormat Format, int Width, int Height)
{
    public string MediaType => Format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Gif => "image/gif",
        _ => "image/webp",
    };
}

/// <summary>Reads the format and dimensions from an image's header bytes without decoding it.</summary>
public static class ImageSniffer
{
    // SKELETON: the structural rules implementation fills this in.
    public static ImageInfo? Sniff(ReadOnlySpan<byte> bytes) => null;
}
