using System.Buffers.Binary;
using System.IO.Compression;

namespace SchoolTwitter.Core.Tests.Structure;

/// <summary>Small real images written byte by byte, so media tests need no image library.</summary>
internal static class TestImages
{
    /// <summary>A complete PNG (IHDR, one zlib-compressed IDAT of white greyscale pixels, IEND), with correct CRCs.</summary>
    public static byte[] Png(int width = 2, int height = 2)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        WriteChunk(output, "IHDR", ihdr);
        using (var raw = new MemoryStream())
        {
            using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[width + 1]; // filter byte 0, then pixels
                Array.Fill(row, (byte)0xFF, 1, width);
                for (var y = 0; y < height; y++) zlib.Write(row);
            }
            WriteChunk(output, "IDAT", raw.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Only a PNG's signature and IHDR, claiming any dimensions (a decompression bomb's header).</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    /// <summary>A GIF89a with the given logical screen (a complete picture when 1 × 1), padded to <paramref name="totalBytes"/>.</summary>
    public static byte[] Gif(int width = 1, int height = 1, int totalBytes = 0)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0]);
        bytes.AddRange([0, 0, 0, 0xFF, 0xFF, 0xFF]); // global colour table: black, white
        bytes.AddRange([0x2C, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0]);
        bytes.AddRange([0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]); // LZW min code size 2, one sub-block, trailer
        return Pad(bytes.ToArray(), totalBytes);
    }

    /// <summary>A baseline JPEG's headers (SOI, APP0 JFIF, DQT, SOF0 with the dimensions, EOI), padded to <paramref name="totalBytes"/>.</summary>
    public static byte[] Jpeg(int width = 4, int height = 3, int totalBytes = 0)
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        bytes.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        bytes.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        bytes.AddRange(Enumerable.Repeat((byte)1, 64));
        bytes.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);
        bytes.AddRange([0xFF, 0xD9]);
        return Pad(bytes.ToArray(), totalBytes);
    }

    /// <summary>A lossy WebP ("VP8 ") header with the given dimensions.</summary>
    public static byte[] WebPLossy(int width, int height)
    {
        var bytes = new byte[40];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WEBPVP8 "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 20);
        bytes[23] = 0x9D; bytes[24] = 0x01; bytes[25] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(28), (ushort)height);
        return bytes;
    }

    /// <summary>A lossless WebP ("VP8L") header with the given dimensions.</summary>
    public static byte[] WebPLossless(int width, int height)
    {
        var bytes = new byte[40];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WEBPVP8L"u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 10);
        bytes[20] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(21), (uint)(width - 1) | ((uint)(height - 1) << 14));
        return bytes;
    }

    /// <summary>An extended WebP ("VP8X") header with the given canvas size.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var bytes = new byte[40];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WEBPVP8X"u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 10);
        var w = width - 1;
        var h = height - 1;
        bytes[24] = (byte)w; bytes[25] = (byte)(w >> 8); bytes[26] = (byte)(w >> 16);
        bytes[27] = (byte)h; bytes[28] = (byte)(h >> 8); bytes[29] = (byte)(h >> 16);
        return bytes;
    }

    /// <summary>
    /// An animated GIF89a of <paramref name="frames"/> full-screen frames, each only a clear code and an end code (a decoder
    /// still paints every frame's whole canvas): a few bytes a frame on disk, width × height × 4 bytes each in memory.
    /// </summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0]);
        bytes.AddRange([0, 0, 0, 0xFF, 0xFF, 0xFF]);
        bytes.AddRange([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8.ToArray(), 0x03, 0x01, 0x00, 0x00, 0x00]); // loop forever
        for (var i = 0; i < frames; i++)
        {
            bytes.AddRange([0x21, 0xF9, 0x04, 0x00, 0x02, 0x00, 0x00, 0x00]); // graphic control: 2/100 s
            bytes.AddRange([0x2C, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0]);
            bytes.AddRange([0x02, 0x01, 0x2C, 0x00]); // LZW min code size 2; codes: clear (4), end (5)
        }
        bytes.Add(0x3B);
        return bytes.ToArray();
    }

    /// <summary>An animated WebP: VP8X (animation flag), ANIM, then <paramref name="frames"/> full-canvas ANMF frames holding a tiny lossless bitstream.</summary>
    public static byte[] AnimatedWebP(int width, int height, int frames, int frameWidth = 0, int frameHeight = 0)
    {
        frameWidth = frameWidth == 0 ? width : frameWidth;
        frameHeight = frameHeight == 0 ? height : frameHeight;
        var chunks = new List<byte>();
        chunks.AddRange(RiffChunk("VP8X", [0x02, 0, 0, 0, .. UInt24(width - 1), .. UInt24(height - 1)]));
        chunks.AddRange(RiffChunk("ANIM", [0, 0, 0, 0, 0, 0]));
        byte[] lossless = [0x2F, 0, 0, 0, 0, 0x10, 0x07, 0x10, 0x11];
        for (var i = 0; i < frames; i++)
        {
            chunks.AddRange(RiffChunk("ANMF", [.. UInt24(0), .. UInt24(0), .. UInt24(frameWidth - 1), .. UInt24(frameHeight - 1), .. UInt24(100), 0,
                .. RiffChunk("VP8L", lossless)]));
        }
        return Riff(chunks);
    }

    /// <summary>A RIFF WEBP container around the given chunks.</summary>
    public static byte[] Riff(IEnumerable<byte> chunks)
    {
        var body = chunks.ToArray();
        var bytes = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), body.Length + 4);
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        body.CopyTo(bytes, 12);
        return bytes;
    }

    /// <summary>A RIFF chunk: FourCC, little-endian size, data, a pad byte when the size is odd.</summary>
    public static byte[] RiffChunk(string fourCc, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        System.Text.Encoding.ASCII.GetBytes(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>A PNG chunk (length, type, data, CRC) with a correct CRC.</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        using var output = new MemoryStream();
        WriteChunk(output, type, data);
        return output.ToArray();
    }

    /// <summary><see cref="Png"/> with <paramref name="chunk"/> inserted straight after IHDR (where cameras put pHYs and text).</summary>
    public static byte[] PngWith(byte[] chunk)
    {
        var png = Png();
        return [.. png[..33], .. chunk, .. png[33..]];
    }

    /// <summary><see cref="Jpeg"/> with an APP13 segment holding <paramref name="payload"/> straight after SOI.</summary>
    public static byte[] JpegWithApp13(byte[] payload)
    {
        var jpeg = Jpeg();
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xED, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    private static byte[] UInt24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static byte[] Pad(byte[] bytes, int totalBytes)
    {
        if (totalBytes <= bytes.Length) return bytes;
        var padded = new byte[totalBytes];
        bytes.CopyTo(padded, 0);
        return padded;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
