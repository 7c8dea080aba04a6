namespace SchoolTwitter.Application.Drafts;

/// <summary>Makes an image safe to publish: orientation applied, every metadata block (EXIF incl. GPS, XMP, IPTC, ICC) removed, re-encoded.</summary>
public interface IImageSanitiser
{
    /// <summary>What the bytes decode as (format and size), or null when they are not an image the sanitiser can read.</summary>
    Core.Media.ImageInfo? Identify(ReadOnlyMemory<byte> image);

    SanitisedImage Sanitise(ReadOnlyMemory<byte> image);
}

public sealed record SanitisedImage(ReadOnlyMemory<byte> Content, string MediaType);
