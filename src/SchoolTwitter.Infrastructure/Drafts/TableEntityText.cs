using Azure.Data.Tables;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// Long strings in table entities: a string property holds at most 64 KiB (32K UTF-16 chars), so longer values
/// are split over numbered properties (Name, Name_1, Name_2…) and joined again when read. A split never falls inside a
/// surrogate pair (half an emoji in each property is not valid text to the service). What fits in the entity as a whole
/// (1 MiB) is the caller's to bound.
/// </summary>
internal static class TableEntityText
{
    private const int ChunkChars = 30_000;

    public static void Write(TableEntity entity, string name, string? value)
    {
        if (value is null) return;
        for (int offset = 0, part = 0; offset < value.Length || part == 0; part++)
        {
            var length = Math.Min(ChunkChars, value.Length - offset);
            if (offset + length < value.Length && char.IsHighSurrogate(value[offset + length - 1])) length--;
            entity[part == 0 ? name : $"{name}_{part}"] = value.Substring(offset, length);
            offset += length;
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || !entity.ContainsKey($"{name}_1")) return first;
        var parts = new System.Text.StringBuilder(first);
        for (var part = 1; entity.GetString($"{name}_{part}") is { } next; part++)
        {
            parts.Append(next);
        }
        return parts.ToString();
    }
}
