using System.Globalization;
using System.Text;

namespace SchoolTwitter.Infrastructure.Storage;

/// <summary>Table PartitionKey/RowKey values may not hold / \ # ? or control characters: those (and %) become %XX.</summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A RowKey that sorts in time order (ascending), unique even within one tick.</summary>
    public static string Chronological(DateTimeOffset at) =>
        at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");

    /// <summary>A RowKey that sorts newest first.</summary>
    public static string ReverseChronological(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
}
