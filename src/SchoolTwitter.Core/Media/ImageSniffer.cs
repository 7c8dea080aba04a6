using System.Buffers.Binary;

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

    /// <summary>Width × height, in pixels.</summary>
    public long PixelCount => (long)Width * Height;
}

/// <summary>
/// Reads the format and dimensions from an image's header bytes without decoding it: JPEG (the first SOFn frame header),
/// PNG (IHDR), GIF (logical screen) and WebP (VP8, VP8L, VP8X). Anything truncated, malformed or of another kind gives
/// null; it never throws, whatever the bytes.
/// </summary>
public static class ImageSniffer
{
    public static ImageInfo? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
        {
            return null;
        }
        if (bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return SniffJpeg(bytes);
        }
        if (bytes.StartsWith(PngSignature))
        {
            return SniffPng(bytes);
        }
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return SniffGif(bytes);
        }
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return SniffWebP(bytes);
        }
        return null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageInfo? SniffPng(ReadOnlySpan<byte> bytes)
    {
        // Signature, then the IHDR chunk must come first: length 13, "IHDR", width, height (big-endian, 1..2^31-1).
        if (bytes.Length < 24 || BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]) != 13 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }
        return Make(ImageFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]));
    }

    private static ImageInfo? SniffGif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10)
        {
            return null;
        }
        return Make(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
    }

    private static ImageInfo? SniffJpeg(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null; // Every segment starts with a marker.
            }
            while (i < bytes.Length && bytes[i] == 0xFF) i++; // Fill bytes.
            if (i >= bytes.Length)
            {
                return null;
            }
            var marker = bytes[i++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // Stand-alone markers carry no length.
            }
            if (marker is 0xD8 or 0xD9 or 0xDA || i + 2 > bytes.Length)
            {
                return null; // Image data (or its end) before any frame header, or truncated.
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
            if (length < 2)
            {
                return null;
            }
            if (IsStartOfFrame(marker))
            {
                // Length, precision (1), height (2), width (2).
                if (length < 7 || i + 7 > bytes.Length)
                {
                    return null;
                }
                return Make(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 3)..]));
            }
            i += length;
        }
        return null;
    }

    /// <summary>SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static ImageInfo? SniffWebP(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30)
        {
            return null;
        }
        var chunk = bytes.Slice(12, 4);
        var data = bytes[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
            if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
            {
                return null;
            }
            return Make(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFFu,
                BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFFu);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each.
            if (data[0] != 0x2F)
            {
                return null;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return Make(ImageFormat.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: flags, 3 reserved bytes, canvas width-1 and height-1 in 24 bits each.
            var width = data[4] | (data[5] << 8) | (data[6] << 16);
            var height = data[7] | (data[8] << 8) | (data[9] << 16);
            return Make(ImageFormat.WebP, (uint)width + 1, (uint)height + 1);
        }
        return null;
    }

    private static ImageInfo? Make(ImageFormat format, uint width, uint height) =>
        width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue
            ? null
            : new ImageInfo(format, (int)width, (int)height);
}
