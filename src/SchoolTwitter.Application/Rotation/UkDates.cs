namespace SchoolTwitter.Application.Rotation;

internal static class UkDates
{
    /// <summary>The calendar date of a UK-local instant (from <see cref="Core.Time.UkTime.ToUk"/>).</summary>
    public static DateOnly ToDateOnly(this DateTimeOffset local) => DateOnly.FromDateTime(local.DateTime);
}
