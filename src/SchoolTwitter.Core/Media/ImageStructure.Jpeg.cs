using System.Buffers.Binary;

namespace SchoolTwitter.Core.Media;

public sealed partial record ImageStructure
{
    /// <summary>
    /// JPEG marker segments from SOI to the first scan: each must start with a marker and fit in the file, the frame header
    /// must match its component count, and a Photoshop (APP13) segment's resources must fit inside it. The entropy-coded
    /// scan data is the decoder's to judge.
    /// </summary>
    private static ImageStructure ReadJpeg(ReadOnlySpan<byte> bytes, ImageInfo header)
    {
        var pos = 2;
        var sawFrame = false;
        while (pos < bytes.Length)
        {
            if (bytes[pos] != 0xFF) return Damaged("the JPEG has data where a marker should be");
            while (pos < bytes.Length && bytes[pos] == 0xFF) pos++;
            if (pos >= bytes.Length) break;
            var marker = bytes[pos++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue;
            if (marker == 0xD9)
            {
                return sawFrame ? Still(header) : Damaged("the JPEG ends before its frame header");
            }
            if (pos + 2 > bytes.Length) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[pos..]);
            if (length < 2 || pos + length > bytes.Length)
            {
                return Damaged($"a JPEG segment (marker 0x{marker:X2}) is longer than the file");
            }
            var segment = bytes.Slice(pos + 2, length - 2);
            if (marker == 0xDA)
            {
                return sawFrame ? Still(header) : Damaged("the JPEG's image data comes before its frame header");
            }
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (segment.Length < 6 || segment.Length != 6 + 3 * segment[5] || segment[5] == 0)
                {
                    return Damaged("the JPEG's frame header does not match its colour components");
                }
                sawFrame = true;
            }
            if (marker == 0xED && PhotoshopFault(segment) is { } fault)
            {
                return Damaged(fault);
            }
            pos += length;
        }
        return Damaged("the JPEG ends before its image data (the file was cut short)");
    }

    private static ReadOnlySpan<byte> PhotoshopSignature => "Photoshop 3.0\0"u8;

    /// <summary>Photoshop image resources: "8BIM", id, an even-padded Pascal name, a length, even-padded data.</summary>
    private static string? PhotoshopFault(ReadOnlySpan<byte> segment)
    {
        if (!segment.StartsWith(PhotoshopSignature)) return null;
        var pos = PhotoshopSignature.Length;
        while (pos < segment.Length)
        {
            // Writers may pad the segment's end with zero bytes.
            if (segment[pos..].IndexOfAnyExcept((byte)0) < 0) return null;
            if (pos + 7 > segment.Length || !segment.Slice(pos, 4).SequenceEqual("8BIM"u8))
            {
                return "the JPEG's Photoshop (IPTC) block is damaged";
            }
            var nameLength = segment[pos + 6];
            pos += 6 + ((nameLength + 2) & ~1);
            if (pos + 4 > segment.Length)
            {
                return "the JPEG's Photoshop (IPTC) block has a name longer than the block";
            }
            var size = BinaryPrimitives.ReadUInt32BigEndian(segment[pos..]);
            pos += 4;
            if (size > (uint)(segment.Length - pos))
            {
                return "the JPEG's Photoshop (IPTC) block has a resource longer than the block";
            }
            pos += (int)((size + 1) & ~1u);
        }
        return null;
    }
}
