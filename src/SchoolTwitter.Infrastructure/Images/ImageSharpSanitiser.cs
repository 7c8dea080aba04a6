using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Processing;
using CoreImageFormat = SchoolTwitter.Core.Media.ImageFormat;
using ImageInfo = SchoolTwitter.Core.Media.ImageInfo;
using ImageSharpConfiguration = SixLabors.ImageSharp.Configuration;

namespace SchoolTwitter.Infrastructure.Images;

/// <summary>
/// Strips everything but pixels from an image before it leaves the school: the EXIF orientation is applied to the
/// pixels first (so the photo still stands the right way up), then EXIF (with GPS), XMP, IPTC and ICC profiles and
/// PNG/GIF text are removed, and the image is re-encoded in its own format.
/// Nothing is decoded that the checker would refuse: a damaged container, a picture beyond the checker's size bounds or an
/// animation beyond its decoding budget (<see cref="MediaRule.MaxDecodedPixels"/>) is refused from its bytes alone, and
/// decoding itself runs with a bounded allocator and frame count. Any decoder failure means "not an image".
/// </summary>
public sealed class ImageSharpSanitiser : IImageSanitiser
{
    /// <summary>The largest single buffer a decode may take: one frame at the checker's pixel bound, 4 bytes a pixel, with headroom.</summary>
    public const int AllocationLimitMegabytes = 256;

    private static readonly ImageSharpConfiguration Bounded = CreateConfiguration();

    /// <summary>
    /// What the image is, or null when it is not one this sanitiser can publish (damaged, of another kind, or any decoder
    /// failure). Within the checker's bounds it is decoded once to prove it; beyond them it is reported undecoded, for the
    /// checker to refuse with the bound it breaks.
    /// </summary>
    public ImageInfo? Identify(ReadOnlyMemory<byte> image)
    {
        var (header, refusal) = Examine(image.Span);
        if (header is null) return null;
        if (refusal is { OverBounds: true }) return header;
        if (refusal is not null) return null;
        try
        {
            using var decoded = Decode(image, header);
            return header with { Width = decoded.Width, Height = decoded.Height };
        }
        catch (InvalidImageContentException)
        {
            return null;
        }
    }

    public SanitisedImage Sanitise(ReadOnlyMemory<byte> bytes)
    {
        var (header, refusal) = Examine(bytes.Span);
        if (header is null || refusal is not null)
        {
            throw new InvalidImageContentException(refusal?.Reason ?? "Not a JPEG, PNG, GIF or WebP image.");
        }

        using var image = Decode(bytes, header);
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
        image.Save(output, EncoderFor(header.Format));
        return new SanitisedImage(output.ToArray(), header.MediaType);
    }

    /// <summary>The header, and why the image must not be decoded (null when it may be), read from its bytes alone.</summary>
    private static (ImageInfo? Header, Refusal? Refusal) Examine(ReadOnlySpan<byte> bytes)
    {
        if (ImageSniffer.Sniff(bytes) is not { } header) return (null, null);
        if (header.Width > MediaRule.MaxSide || header.Height > MediaRule.MaxSide || header.PixelCount > MediaRule.MaxPixels)
        {
            return (header, new Refusal($"The image is {header.Width}x{header.Height} pixels, beyond the {MediaRule.MaxPixels:N0}-pixel bound.", OverBounds: true));
        }
        var structure = ImageStructure.Read(bytes, header);
        if (structure.Fault is { } fault)
        {
            return (header, new Refusal($"The image is damaged: {fault}."));
        }
        if (structure.DecodedPixels > MediaRule.MaxDecodedPixels)
        {
            return (header, new Refusal(
                $"The image's {structure.Frames:N0} frames would decode to {structure.DecodedPixels:N0} pixels, beyond the {MediaRule.MaxDecodedPixels:N0}-pixel budget.",
                OverBounds: true));
        }
        if (header.Format == CoreImageFormat.WebP && structure.Frames > 1)
        {
            return (header, new Refusal("Animated WebP pictures cannot be cleaned before posting: save the animation as a GIF."));
        }
        return (header, null);
    }

    /// <summary>Decodes within the bounded allocator; every decoder failure (they include NullReferenceException) becomes one exception.</summary>
    private static Image Decode(ReadOnlyMemory<byte> bytes, ImageInfo header)
    {
        try
        {
            var image = header.Format == CoreImageFormat.Gif
                ? Image.Load(Bounded, bytes.Span, new GifDecoder { MaxFrames = (uint)Math.Max(1, MediaRule.MaxDecodedPixels / header.PixelCount) })
                : Image.Load(Bounded, bytes.Span, out _);
            if (image.Width != header.Width || image.Height != header.Height)
            {
                image.Dispose();
                throw new InvalidImageContentException("The image's header and its pixels disagree about its size.");
            }
            return image;
        }
        catch (Exception ex) when (ex is not (InvalidImageContentException or OperationCanceledException))
        {
            throw new InvalidImageContentException($"The image could not be decoded ({ex.GetType().Name}).", ex);
        }
    }

    private static ImageSharpConfiguration CreateConfiguration()
    {
        var configuration = ImageSharpConfiguration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = AllocationLimitMegabytes });
        return configuration;
    }

    private static void Strip(ImageMetadata metadata)
    {
        metadata.ExifProfile = null;
        metadata.XmpProfile = null;
        metadata.IptcProfile = null;
        metadata.IccProfile = null;
        metadata.GetPngMetadata().TextData.Clear();
        metadata.GetGifMetadata().Comments.Clear();
    }

    private static IImageEncoder EncoderFor(CoreImageFormat format) => format switch
    {
        CoreImageFormat.Jpeg => new JpegEncoder { Quality = 90 },
        CoreImageFormat.Png => new PngEncoder(),
        CoreImageFormat.Gif => new GifEncoder(),
        _ => new WebpEncoder(),
    };

    /// <param name="Reason">Why, for the failure the publisher records.</param>
    /// <param name="OverBounds">Beyond the checker's bounds: the checker refuses it in its own words; nothing here decodes it.</param>
    private sealed record Refusal(string Reason, bool OverBounds = false);
}
