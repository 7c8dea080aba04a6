using System.Buffers.Binary;

namespace SchoolTwitter.Core.Media;

public sealed partial record ImageStructure
{
    private const byte WebPAnimationFlag = 0x02;

    /// <summary>
    /// WebP RIFF chunks: every chunk must fit in the RIFF container and the container in the file; a simple WebP is one VP8 or
    /// VP8L bitstream; an extended one (VP8X) needs an image bitstream or, when animated, ANMF frames that fit its canvas.
    /// </summary>
    private static ImageStructure ReadWebP(ReadOnlySpan<byte> bytes, ImageInfo header)
    {
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (riffEnd > bytes.Length) return Damaged("the WebP ends before its RIFF container does (the file was cut short)");
        var body = bytes[12..(int)riffEnd];

        var pos = 0;
        var first = true;
        var animated = false;
        var sawImage = false;
        var frames = 0;
        var pixels = 0L;
        while (pos + 8 <= body.Length)
        {
            var fourCc = body.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(body[(pos + 4)..]);
            if (size > (uint)(body.Length - pos - 8))
            {
                return Damaged($"the WebP's {ChunkName(fourCc)} chunk is longer than the file");
            }
            var data = body.Slice(pos + 8, (int)size);
            if (first)
            {
                if (fourCc.SequenceEqual("VP8X"u8))
                {
                    if (data.Length < 10) return Damaged("the WebP's extended header is cut short");
                    animated = (data[0] & WebPAnimationFlag) != 0;
                }
                else if (!IsBitstream(fourCc, data, out var fault))
                {
                    return Damaged(fault ?? $"the WebP starts with a {ChunkName(fourCc)} chunk instead of its image");
                }
                else
                {
                    return Still(header);
                }
                first = false;
            }
            else if (fourCc.SequenceEqual("ANMF"u8))
            {
                if (!animated) return Damaged("the WebP has animation frames but does not say it is animated");
                if (AnimationFrameFault(data, header) is { } fault) return Damaged(fault);
                frames++;
                // A decoder composites each frame onto a full canvas.
                pixels += header.PixelCount;
            }
            else if (fourCc.SequenceEqual("VP8 "u8) || fourCc.SequenceEqual("VP8L"u8))
            {
                if (!IsBitstream(fourCc, data, out var fault)) return Damaged(fault!);
                sawImage = true;
            }
            // Even-padded chunks; unknown chunks (ICCP, EXIF, XMP, ALPH, ANIM…) are skipped by their size.
            pos += 8 + (int)((size + 1) & ~1u);
        }

        if (animated)
        {
            return frames > 0 ? new(frames, pixels, null) : Damaged("the animated WebP has no frames");
        }
        return sawImage ? Still(header) : Damaged("the WebP has no image data");
    }

    /// <summary>A VP8 (lossy) or VP8L (lossless) bitstream long enough to hold its own header.</summary>
    private static bool IsBitstream(ReadOnlySpan<byte> fourCc, ReadOnlySpan<byte> data, out string? fault)
    {
        fault = null;
        if (fourCc.SequenceEqual("VP8 "u8))
        {
            if (data.Length >= 10 && data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A) return true;
            fault = "the WebP's lossy image header is damaged";
            return false;
        }
        if (fourCc.SequenceEqual("VP8L"u8))
        {
            // Signature, 14-bit width and height, alpha bit, then a 3-bit version that must be 0.
            if (data.Length >= 5 && data[0] == 0x2F && (data[4] >> 5) == 0) return true;
            fault = "the WebP's lossless image header is damaged";
            return false;
        }
        return false;
    }

    /// <summary>ANMF: x/2, y/2, width-1, height-1 (24 bits each), duration, flags, then the frame's own chunks.</summary>
    private static string? AnimationFrameFault(ReadOnlySpan<byte> data, ImageInfo canvas)
    {
        if (data.Length < 16) return "a WebP animation frame is cut short";
        var x = 2L * UInt24(data);
        var y = 2L * UInt24(data[3..]);
        var width = UInt24(data[6..]) + 1L;
        var height = UInt24(data[9..]) + 1L;
        return x + width > canvas.Width || y + height > canvas.Height ? "a WebP animation frame lies outside the picture" : null;
    }

    private static int UInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);
}
