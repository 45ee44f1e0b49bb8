using Jbk.Clientenstop.Domain;

namespace Jbk.UnitTests.Clientenstop;

public sealed class InstroomTests
{
    [Theory]
    [InlineData(2025, 3, 1, "2025-W09")]
    [InlineData(2024, 12, 30, "2025-W01")] // Monday of ISO week 1 of 2025
    [InlineData(2021, 1, 3, "2020-W53")]
    public void Weeks_are_ISO_8601_weeks(int y, int m, int d, string week) =>
        Assert.Equal(week, Instroom.IsoWeek(new DateOnly(y, m, d)));
}
