namespace SchoolTwitter.Core.Media;

/// <summary>
/// What walking an image's whole container says, without decoding a pixel: how many frames it holds, how many pixels
/// decoding them all would fill (a decoder paints every frame of an animation onto its own full-size canvas), and the first
/// structural fault. Decoders have crashed or allocated gigabytes on exactly these faults (a PNG pHYs chunk of the wrong
/// length, a Photoshop resource longer than its JPEG segment, a WebP chunk size beyond the file, thousands of 4000 × 4000 GIF
/// frames in a few hundred kilobytes), so the checker refuses them before anything decodes the picture.
/// </summary>
/// <param name="Frames">Frames a decoder would produce (1 for a still picture).</param>
/// <param name="DecodedPixels">Frames × canvas pixels (at least the frame's own area): what decoding all of it costs.</param>
/// <param name="Fault">Why the container does not hold together, in words for a head teacher; null when it does.</param>
public sealed partial record ImageStructure(int Frames, long DecodedPixels, string? Fault)
{
    /// <summary>Walks <paramref name="bytes"/>, whose header <see cref="ImageSniffer.Sniff"/> read as <paramref name="header"/>. Never throws.</summary>
    public static ImageStructure Read(ReadOnlySpan<byte> bytes, ImageInfo header) => header.Format switch
    {
        ImageFormat.Gif => ReadGif(bytes, header),
        ImageFormat.Png => ReadPng(bytes, header),
        ImageFormat.Jpeg => ReadJpeg(bytes, header),
        _ => ReadWebP(bytes, header),
    };

    public bool IsSound => Fault is null;

    private static ImageStructure Still(ImageInfo header) => new(1, header.PixelCount, null);

    private static ImageStructure Damaged(string fault) => new(0, 0, fault);
}
