namespace SchoolTwitter.Core.Time;

/// <summary>
/// UK local time, computed in code: WEBSITE_TIME_ZONE does not work on Linux Flex Consumption, so timers fire in UTC
/// and the services decide what the school's clock says (GMT in winter, BST in summer).
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset Now(TimeProvider time) => ToUk(time.GetUtcNow());

    public static DateTimeOffset ToUk(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    /// <summary>The UTC instant at which the UK wall clock shows <paramref name="date"/> <paramref name="time"/> (a time skipped by the spring change moves forward an hour).</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}
