using Jbk.BuildingBlocks.Kalender;

namespace Jbk.UnitTests.BuildingBlocks;

public sealed class OefenklokTests
{
    [Fact]
    public void The_rehearsal_clock_runs_with_real_time_and_only_moves_forward()
    {
        var klok = new Oefenklok();
        var echt = TimeProvider.System.GetUtcNow();
        Assert.InRange(klok.GetUtcNow() - echt, TimeSpan.Zero, TimeSpan.FromSeconds(5));

        var verzet = klok.ZetVooruit(TimeSpan.FromDays(7));

        Assert.InRange(verzet - echt, TimeSpan.FromDays(7), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(5));
        Assert.True(klok.GetUtcNow() >= verzet);
        Assert.Throws<ArgumentOutOfRangeException>(() => klok.ZetVooruit(TimeSpan.FromDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => klok.ZetVooruit(TimeSpan.Zero));
    }
}
