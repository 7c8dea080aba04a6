using System.Buffers.Binary;

namespace SchoolTwitter.Core.Media;

public sealed partial record ImageStructure
{
    /// <summary>
    /// PNG chunks from IHDR to IEND: each must fit in the file and match its CRC, image data must come before the end, and the
    /// chunks decoders read field by field must be as long as the specification says.
    /// </summary>
    private static ImageStructure ReadPng(ReadOnlySpan<byte> bytes, ImageInfo header)
    {
        var pos = 8;
        var sawData = false;
        while (pos + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[pos..]);
            var name = ChunkName(bytes.Slice(pos + 4, 4));
            if (length > int.MaxValue || pos + 12L + length > bytes.Length)
            {
                return Damaged($"the PNG ends in the middle of its {name} chunk");
            }
            var data = bytes.Slice(pos + 8, (int)length);
            if (Crc32(bytes.Slice(pos + 4, 4 + (int)length)) != BinaryPrimitives.ReadUInt32BigEndian(bytes[(pos + 8 + (int)length)..]))
            {
                return Damaged($"the PNG's {name} chunk is corrupt (its checksum does not match)");
            }
            if (PngChunkFault(name, data) is { } fault)
            {
                return Damaged(fault);
            }
            if (name == "IDAT") sawData = true;
            if (name == "IEND")
            {
                return sawData ? Still(header) : Damaged("the PNG has no image data");
            }
            pos += 12 + (int)length;
        }
        return Damaged("the PNG ends before its last chunk (the file was cut short)");
    }

    /// <summary>A chunk or FourCC type for a message: its four letters, or "unnamed" when they are not letters (damage).</summary>
    private static string ChunkName(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b != (byte)' ') return "unnamed";
        }
        return System.Text.Encoding.ASCII.GetString(type).TrimEnd();
    }

    private static string? PngChunkFault(string name, ReadOnlySpan<byte> data)
    {
        var wanted = name switch
        {
            "IHDR" => 13,
            "pHYs" => 9,
            "gAMA" => 4,
            "cHRM" => 32,
            "sRGB" => 1,
            "tIME" => 7,
            "IEND" => 0,
            _ => -1,
        };
        if (wanted >= 0 && data.Length != wanted)
        {
            return $"the PNG's {name} chunk is {data.Length} bytes long instead of {wanted}";
        }
        return name switch
        {
            "PLTE" when data.Length == 0 || data.Length % 3 != 0 || data.Length > 768 => "the PNG's palette has an impossible length",
            "tEXt" when !HasKeyword(data, out _) => "a PNG text chunk has no keyword",
            "zTXt" when !HasKeyword(data, out var end) || end + 2 > data.Length => "a compressed PNG text chunk is cut short",
            "iTXt" when !IsInternationalText(data) => "an international PNG text chunk is cut short",
            _ => null,
        };
    }

    /// <summary>A keyword of 1–79 Latin-1 characters ended by a zero byte; <paramref name="end"/> is that byte's index.</summary>
    private static bool HasKeyword(ReadOnlySpan<byte> data, out int end)
    {
        end = data[..Math.Min(data.Length, 80)].IndexOf((byte)0);
        return end > 0;
    }

    /// <summary>iTXt: keyword NUL, compression flag, method, language tag NUL, translated keyword NUL, text.</summary>
    private static bool IsInternationalText(ReadOnlySpan<byte> data)
    {
        if (!HasKeyword(data, out var end) || end + 3 > data.Length) return false;
        var rest = data[(end + 3)..];
        var language = rest.IndexOf((byte)0);
        return language >= 0 && rest[(language + 1)..].IndexOf((byte)0) >= 0;
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }
}
