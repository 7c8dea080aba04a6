using SchoolTwitter.Application.Drafts;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Processing;
using CoreImageFormat = SchoolTwitter.Core.Media.ImageFormat;
using ImageInfo = SchoolTwitter.Core.Media.ImageInfo;

namespace SchoolTwitter.Infrastructure.Images;

/// <summary>
/// Strips everything but pixels from an image before it leaves the school: the EXIF orientation is applied to the
/// pixels first (so the photo still stands the right way up), then EXIF (with GPS), XMP, IPTC and ICC profiles and
/// PNG/GIF text are removed, and the image is re-encoded in its own format.
/// </summary>
public sealed class ImageSharpSanitiser : IImageSanitiser
{
    /// <summary>Decoding allocates 4 bytes a pixel: refuse decompression bombs before decoding.</summary>
    public const long MaxPixels = 50_000_000;

    public ImageInfo? Identify(ReadOnlyMemory<byte> image)
    {
        try
        {
            using var stream = AsStream(image);
            var info = Image.Identify(stream, out var format);
            if (info is null || format is null) return null;
            var kind = ToCore(format);
            return kind is null ? null : new ImageInfo(kind.Value, info.Width, info.Height);
        }
        catch (Exception ex) when (ex is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return null;
        }
    }

    public SanitisedImage Sanitise(ReadOnlyMemory<byte> bytes)
    {
        var info = Identify(bytes) ?? throw new InvalidImageContentException("Not a JPEG, PNG, GIF or WebP image.");
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new InvalidImageContentException($"The image is {info.Width}x{info.Height} pixels, beyond the {MaxPixels:N0}-pixel bound.");
        }

        using var image = Image.Load(bytes.Span, out var format);
        image.Mutate(x => x.AutoOrient());
        Strip(image.Metadata);
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
            frame.Metadata.IptcProfile = null;
        }

        using var output = new MemoryStream();
        image.Save(output, EncoderFor(format));
        return new SanitisedImage(output.ToArray(), info.MediaType);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private static void Strip(ImageMetadata metadata)
    {
        metadata.ExifProfile = null;
        metadata.XmpProfile = null;
        metadata.IptcProfile = null;
        metadata.IccProfile = null;
        metadata.GetPngMetadata().TextData.Clear();
        metadata.GetGifMetadata().Comments.Clear();
    }

    private static IImageEncoder EncoderFor(IImageFormat format) => format switch
    {
        JpegFormat => new JpegEncoder { Quality = 90 },
        PngFormat => new PngEncoder(),
        GifFormat => new GifEncoder(),
        WebpFormat => new WebpEncoder(),
        _ => throw new InvalidImageContentException($"Images in {format.Name} format are not published."),
    };

    private static CoreImageFormat? ToCore(IImageFormat format) => format switch
    {
        JpegFormat => CoreImageFormat.Jpeg,
        PngFormat => CoreImageFormat.Png,
        GifFormat => CoreImageFormat.Gif,
        WebpFormat => CoreImageFormat.WebP,
        _ => null,
    };
}
