using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;

namespace Jbk.UnitTests.Maatregelregistratie;

public sealed class FeestdagenEnWerkdagenTests
{
    private static readonly Werkdagen Werkdagen = new(new Feestdagen());

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    public void Easter_Sunday_is_computed_for_any_year(int jaar, int maand, int dag) =>
        Assert.Equal(new DateOnly(jaar, maand, dag), Feestdagen.Paaszondag(jaar));

    [Fact]
    public void Koningsdag_moves_to_the_26th_when_the_27th_is_a_Sunday()
    {
        Assert.Equal(new DateOnly(2025, 4, 26), Feestdagen.Koningsdag(2025));
        Assert.Equal(new DateOnly(2026, 4, 27), Feestdagen.Koningsdag(2026));
    }

    [Fact]
    public void The_holidays_of_2025_are_the_ones_the_Algemene_termijnenwet_names()
    {
        var verwacht = new[]
        {
            new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 18), new DateOnly(2025, 4, 21), new DateOnly(2025, 4, 26),
            new DateOnly(2025, 5, 5), new DateOnly(2025, 5, 29), new DateOnly(2025, 6, 9), new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26),
        };
        Assert.Equal(verwacht.OrderBy(d => d), new Feestdagen().VoorJaar(2025).OrderBy(d => d));
    }

    [Fact]
    public void Goede_Vrijdag_and_a_yearly_Bevrijdingsdag_are_settings()
    {
        var smal = new Feestdagen(new FeestdagenOpties { GoedeVrijdag = false, BevrijdingsdagElkJaar = false });
        Assert.False(smal.IsFeestdag(new DateOnly(2025, 4, 18)));
        Assert.False(smal.IsFeestdag(new DateOnly(2026, 5, 5)));
        Assert.True(smal.IsFeestdag(new DateOnly(2025, 5, 5))); // lustrum year
    }

    [Theory]
    [InlineData("2025-03-03", 5, "2025-03-10")] // an ordinary week: Monday + 5 = next Monday
    [InlineData("2025-04-30", 5, "2025-05-08")] // skips the weekend and Bevrijdingsdag (Monday 5 May)
    [InlineData("2025-12-23", 5, "2026-01-02")] // skips both Kerstdagen, the weekend and Nieuwjaarsdag
    [InlineData("2025-04-17", 1, "2025-04-22")] // Goede Vrijdag and Tweede Paasdag
    [InlineData("2025-03-07", 0, "2025-03-07")]
    public void Working_days_skip_weekends_and_Dutch_public_holidays(string van, int aantal, string verwacht) =>
        Assert.Equal(DateOnly.Parse(verwacht), Werkdagen.Na(DateOnly.Parse(van), aantal));
}
