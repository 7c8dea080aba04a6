using Azure.Data.Tables;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>
/// Long strings in table entities: a string property holds at most 64 KiB (32K UTF-16 chars), so longer values
/// are split over numbered properties (Name, Name_1, Name_2…) and joined again when read.
/// </summary>
internal static class TableEntityText
{
    private const int ChunkChars = 30_000;

    public static void Write(TableEntity entity, string name, string? value)
    {
        if (value is null) return;
        entity[name] = value.Length <= ChunkChars ? value : value[..ChunkChars];
        for (int offset = ChunkChars, part = 1; offset < value.Length; offset += ChunkChars, part++)
        {
            entity[$"{name}_{part}"] = value.Substring(offset, Math.Min(ChunkChars, value.Length - offset));
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
