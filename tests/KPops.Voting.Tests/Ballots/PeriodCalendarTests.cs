using KPops.Voting.Ballots;

namespace KPops.Voting.Tests.Ballots;

public sealed class PeriodCalendarTests
{
    [Fact]
    public void Seoul_day_starts_at_15_00_UTC()
    {
        var calendar = new PeriodCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        var midnight = DateTimeOffset.Parse("2026-03-02T15:00:00Z").ToUnixTimeMilliseconds();

        Assert.Equal(calendar.DayNumber(midnight - 1) + 1, calendar.DayNumber(midnight));
        Assert.Equal(new DateOnly(2026, 3, 3), PeriodCalendar.DateOf(calendar.DayNumber(midnight)));
    }

    [Fact]
    public void Day_numbers_follow_daylight_saving_changes()
    {
        // New York moved from UTC-5 to UTC-4 on 2026-03-08; local midnight after it is 04:00 UTC.
        var calendar = new PeriodCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var before = DateTimeOffset.Parse("2026-03-08T04:59:59Z").ToUnixTimeMilliseconds();
        var after = DateTimeOffset.Parse("2026-03-09T04:00:00Z").ToUnixTimeMilliseconds();

        Assert.Equal(new DateOnly(2026, 3, 7), PeriodCalendar.DateOf(calendar.DayNumber(before)));
        Assert.Equal(new DateOnly(2026, 3, 9), PeriodCalendar.DateOf(calendar.DayNumber(after)));
        Assert.Equal(new DateOnly(2026, 3, 8), PeriodCalendar.DateOf(calendar.DayNumber(after - 1)));
    }

    [Fact]
    public void Cached_offsets_agree_with_TimeZoneInfo_over_a_year()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var calendar = new PeriodCalendar(zone);
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        for (var minutes = 0; minutes < 366 * 24 * 60; minutes += 37)
        {
            var at = start.AddMinutes(minutes);
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            Assert.Equal(local, PeriodCalendar.DateOf(calendar.DayNumber(at.ToUnixTimeMilliseconds())));
        }
    }

    [Fact]
    public void Days_before_the_Unix_epoch_are_negative()
    {
        var calendar = new PeriodCalendar(TimeZoneInfo.Utc);

        Assert.Equal(-1, calendar.DayNumber(DateTimeOffset.Parse("1969-12-31T23:50:00Z").ToUnixTimeMilliseconds()));
        Assert.Equal(0, calendar.DayNumber(0));
    }

    [Fact]
    public void Extreme_times_do_not_throw()
    {
        var calendar = new PeriodCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        calendar.DayNumber(long.MaxValue);
        calendar.DayNumber(long.MinValue);
    }
}
