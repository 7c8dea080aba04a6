using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>Real images made in the test, with the metadata a phone camera writes (GPS, orientation, XMP, IPTC).</summary>
internal static class TestImages
{
    public static byte[] JpegWithGps(int width = 40, int height = 20, ushort orientation = 1)
    {
        using var image = new Image<Rgba32>(width, height, Color.CornflowerBlue);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "SchoolPhone");
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(53, 1), new Rational(27, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(2, 1), new Rational(44, 1), new Rational(5678, 100)]);
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"Mrs Walsh\"/></rdf:RDF></x:xmpmeta>"));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return WithIptcCaption(output.ToArray(), "Josh Smith, Year 4");
    }

    /// <summary>Inserts an APP13 (Photoshop 3.0 / 8BIM 0x0404) IPTC caption after the JPEG's SOI marker, as cameras and editors write it.</summary>
    private static byte[] WithIptcCaption(byte[] jpeg, string caption)
    {
        var text = Encoding.UTF8.GetBytes(caption);
        var iptc = new List<byte> { 0x1C, 0x02, 0x78, (byte)(text.Length >> 8), (byte)text.Length };
        iptc.AddRange(text);
        if (iptc.Count % 2 == 1) iptc.Add(0);
        var resource = new List<byte>();
        resource.AddRange(Encoding.ASCII.GetBytes("Photoshop 3.0\0"));
        resource.AddRange(Encoding.ASCII.GetBytes("8BIM"));
        resource.AddRange([0x04, 0x04, 0x00, 0x00]);
        resource.AddRange([(byte)(iptc.Count >> 24), (byte)(iptc.Count >> 16), (byte)(iptc.Count >> 8), (byte)iptc.Count]);
        resource.AddRange(iptc);
        var length = resource.Count + 2;
        var segment = new List<byte> { 0xFF, 0xED, (byte)(length >> 8), (byte)length };
        segment.AddRange(resource);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static byte[] Png(int width = 16, int height = 16, Color? colour = null)
    {
        using var image = new Image<Rgba32>(width, height, colour ?? Color.Gold);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    public static byte[] WebP(int width = 16, int height = 16)
    {
        using var image = new Image<Rgba32>(width, height, Color.SeaGreen);
        using var output = new MemoryStream();
        image.Save(output, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossy });
        return output.ToArray();
    }

    /// <summary>
    /// An animated GIF of <paramref name="frames"/> frames, each a <paramref name="side"/>-pixel square of one colour, LZW-coded
    /// as runs (so a 4000 × 4000 frame takes about 12 KB on disk and 64 MB once decoded).
    /// </summary>
    public static byte[] GifBomb(int side, int frames)
    {
        using var gif = new MemoryStream();
        using var writer = new BinaryWriter(gif);
        writer.Write("GIF89a"u8);
        writer.Write((ushort)side);
        writer.Write((ushort)side);
        writer.Write([0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF]);
        var pixels = LzwRun((long)side * side);
        for (var i = 0; i < frames; i++)
        {
            writer.Write([0x21, 0xF9, 0x04, 0x00, 0x02, 0x00, 0x00, 0x00]);
            writer.Write([0x2C, 0, 0, 0, 0, (byte)side, (byte)(side >> 8), (byte)side, (byte)(side >> 8), 0, 0x02]);
            for (var at = 0; at < pixels.Length; at += 255)
            {
                var block = pixels.AsSpan(at, Math.Min(255, pixels.Length - at));
                writer.Write((byte)block.Length);
                writer.Write(block);
            }
            writer.Write((byte)0);
        }
        writer.Write((byte)0x3B);
        writer.Flush();
        return gif.ToArray();
    }

    /// <summary>
    /// GIF LZW (minimum code size 2) of <paramref name="count"/> pixels of colour 0: each code names a run one longer than the
    /// last, so code c (from 6) is a run of c − 4; a full table (4,096 codes) is cleared and the runs start again.
    /// </summary>
    private static byte[] LzwRun(long count)
    {
        const int Clear = 4, End = 5;
        var bits = new List<byte>();
        var accumulator = 0L;
        var held = 0;
        void Emit(int code, int width)
        {
            accumulator |= (long)code << held;
            for (held += width; held >= 8; held -= 8, accumulator >>= 8) bits.Add((byte)accumulator);
        }

        // Widths and clears follow giflib: a code goes out at the current width, the width grows once the table has
        // reached it, and a full table is cleared instead of growing.
        var (next, codeWidth, run) = (6, 3, 0);
        Emit(Clear, codeWidth);
        while (count > 0)
        {
            run = (int)Math.Min(run + 1, count);
            count -= run;
            Emit(run == 1 ? 0 : run + 4, codeWidth);
            if (next >= 1 << codeWidth && codeWidth < 12) codeWidth++;
            if (count == 0) break;
            if (next >= 4095)
            {
                Emit(Clear, codeWidth);
                (next, codeWidth, run) = (6, 3, 0);
            }
            else
            {
                next++;
            }
        }
        Emit(End, codeWidth);
        if (held > 0) bits.Add((byte)accumulator);
        return [.. bits];
    }

    /// <summary>
    /// Real images damaged the ways that made ImageSharp's Identify throw instead of refusing (each checked against ImageSharp 2.1):
    /// a PNG pHYs chunk of 4 bytes with a valid CRC (ArgumentOutOfRangeException), a zTXt chunk cut after its keyword
    /// (IndexOutOfRangeException), a JPEG Photoshop resource whose name runs past its APP13 segment (ArgumentOutOfRangeException),
    /// a WebP chunk whose size runs past the file (NullReferenceException); and a PNG cut short, which Identify accepts but no
    /// decoder can read.
    /// </summary>
    public static TheoryData<string, byte[]> Damaged() => new()
    {
        { "png-phys", PngChunkAfterHeader("pHYs", [0, 0, 0, 1]) },
        { "png-ztxt", PngChunkAfterHeader("zTXt", [0x41, 0]) },
        { "jpeg-app13", JpegWithApp13([.. Encoding.ASCII.GetBytes("Photoshop 3.0\08BIM"), 0x04, 0x04, 0x11, 0, 0, 0, 0, 0]) },
        { "webp-chunk-size", WebPWithChunkSize(0x7FFFFFF0) },
        { "png-cut-short", Png(64, 64)[..60] },
    };

    private static byte[] PngChunkAfterHeader(string type, byte[] data)
    {
        var png = Png();
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        var crc = System.IO.Hashing.Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), crc);
        return [.. png[..33], .. chunk, .. png[33..]];
    }

    private static byte[] JpegWithApp13(byte[] payload)
    {
        using var image = new Image<Rgba32>(8, 8, Color.Red);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        var jpeg = output.ToArray();
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xED, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    private static byte[] WebPWithChunkSize(int size)
    {
        var webp = WebP(8, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(webp.AsSpan(16), size);
        return webp;
    }
}
