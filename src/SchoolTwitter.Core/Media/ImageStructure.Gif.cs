using System.Buffers.Binary;

namespace SchoolTwitter.Core.Media;

public sealed partial record ImageStructure
{
    /// <summary>
    /// GIF87a/89a blocks: extensions and image descriptors (each followed by its data sub-blocks) until the trailer.
    /// Only the descriptors are read; the LZW data is skipped by its sub-block lengths.
    /// </summary>
    private static ImageStructure ReadGif(ReadOnlySpan<byte> bytes, ImageInfo header)
    {
        if (bytes.Length < 13) return Damaged("the GIF ends inside its header");
        var pos = 13 + ColourTableLength(bytes[10]);
        var frames = 0;
        var pixels = 0L;
        while (true)
        {
            if (pos >= bytes.Length)
            {
                // Many encoders drop the trailer; a GIF cut off after whole frames still decodes.
                return frames > 0 ? new(frames, pixels, null) : Damaged("the GIF ends before its first frame");
            }
            switch (bytes[pos])
            {
                case 0x3B:
                    return frames > 0 ? new(frames, pixels, null) : Damaged("the GIF holds no frame");
                case 0x21:
                    pos = SkipSubBlocks(bytes, pos + 2);
                    if (pos < 0) return Damaged("the GIF ends in the middle of an extension block");
                    break;
                case 0x2C:
                    if (pos + 11 > bytes.Length) return Damaged("the GIF ends in the middle of a frame header");
                    var width = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(pos + 5)..]);
                    var height = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(pos + 7)..]);
                    pos += 10 + ColourTableLength(bytes[pos + 9]);
                    if (pos >= bytes.Length) return Damaged("the GIF ends in the middle of a frame");
                    if (bytes[pos] is < 1 or > 11) return Damaged("a GIF frame has an impossible LZW code size");
                    pos = SkipSubBlocks(bytes, pos + 1);
                    if (pos < 0) return Damaged("the GIF ends in the middle of a frame");
                    frames++;
                    // Each frame is painted onto a canvas the size of the logical screen (or of the frame, if larger).
                    pixels += Math.Max(header.PixelCount, (long)width * height);
                    break;
                default:
                    return Damaged($"the GIF has an unknown block (0x{bytes[pos]:X2}) where a frame should be");
            }
        }
    }

    /// <summary>A global or local colour table's length from the packed byte that announces it.</summary>
    private static int ColourTableLength(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    /// <summary>The position after a run of data sub-blocks (length byte, data; a zero length ends it), or -1 when truncated.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> bytes, int pos)
    {
        while (pos < bytes.Length)
        {
            var size = bytes[pos];
            pos += 1 + size;
            if (size == 0) return pos;
        }
        return -1;
    }
}
