using Jbk.BuildingBlocks.Errors;
using Jbk.Capaciteit.Domain;
using Jbk.Contracts;

namespace Jbk.UnitTests.Capaciteit;

/// <summary>A GI's monthly caseload report: what it adds to the load, and what the platform says about it.</summary>
public sealed class CaseloadrapportageTests
{
    private static readonly DateOnly Peildatum = new(2026, 10, 31);

    private static CaseloadRegel Regel(MaatregelType type, int gerapporteerd, int inPlatform, string regio = "friesland", DateOnly? peildatum = null) =>
        new() { GiCode = "JBF", Peildatum = peildatum ?? Peildatum, Regio = regio, Type = type, Gerapporteerd = gerapporteerd, InPlatform = inPlatform };

    [Fact]
    public void Only_what_the_report_has_beyond_the_platform_adds_load_weighted_by_type()
    {
        CaseloadRegel[] regels = [Regel(MaatregelType.Ots, 400, 10), Regel(MaatregelType.Muhp, 100, 0), Regel(MaatregelType.Voogdij, 5, 8)];

        // 390 OTS + 100 MUHP at half weight; voogdij: the platform already holds more than reported, nothing on top.
        Assert.Equal(440m, Caseloadrapportage.GewogenBuitenPlatform(regels, new Gewichten()));
    }

    [Fact]
    public void A_platform_holding_more_than_reported_is_said_not_hidden()
    {
        var meldingen = Caseloadrapportage.Meldingen("JBF", [Regel(MaatregelType.Voogdij, 5, 8), Regel(MaatregelType.Ots, 9, 9)], Peildatum, 62);

        Assert.Equal(["Het platform hield 8 Voogdij van JBF in friesland, de rapportage telt er 5."], meldingen);
    }

    [Fact]
    public void No_report_and_an_outdated_report_are_said()
    {
        Assert.Contains("geen caseload gerapporteerd", Assert.Single(Caseloadrapportage.Meldingen("JBF", [], Peildatum, 62)));
        Assert.Empty(Caseloadrapportage.Meldingen("JBF", [Regel(MaatregelType.Ots, 9, 0)], Peildatum.AddDays(62), 62));
        Assert.Contains("ouder dan 62 dagen", Assert.Single(Caseloadrapportage.Meldingen("JBF", [Regel(MaatregelType.Ots, 9, 0)], Peildatum.AddDays(63), 62)));
    }

    [Fact]
    public void The_newest_report_of_each_GI_counts()
    {
        var nieuwste = Caseloadrapportage.Nieuwste(
        [
            Regel(MaatregelType.Ots, 400, 0, peildatum: Peildatum.AddMonths(-1)),
            Regel(MaatregelType.Ots, 380, 0, "friesland"), Regel(MaatregelType.Jeugdreclassering, 90, 0, "drenthe"),
        ]);

        Assert.Equal([380, 90], nieuwste["JBF"].Select(r => r.Gerapporteerd).Order().Reverse());
    }

    [Fact]
    public void A_report_of_the_future_an_empty_one_a_negative_or_absurd_count_and_a_line_twice_are_refused()
    {
        (string, MaatregelType, int)[] goed = [("friesland", MaatregelType.Ots, 400)];
        Caseloadrapportage.Valideer(Peildatum, Peildatum, goed);

        Assert.Equal("peildatum", Assert.Throws<OngeldigeInvoerException>(() => Caseloadrapportage.Valideer(Peildatum.AddDays(1), Peildatum, goed)).Veld);
        Assert.Equal("regels", Assert.Throws<OngeldigeInvoerException>(() => Caseloadrapportage.Valideer(Peildatum, Peildatum, [])).Veld);
        Assert.Equal("regels.aantal", Assert.Throws<OngeldigeInvoerException>(() => Caseloadrapportage.Valideer(Peildatum, Peildatum, [("friesland", MaatregelType.Ots, -1)])).Veld);
        Assert.Equal("regels.aantal", Assert.Throws<OngeldigeInvoerException>(() =>
            Caseloadrapportage.Valideer(Peildatum, Peildatum, [("friesland", MaatregelType.Ots, Caseloadrapportage.MaximumPerRegel + 1)])).Veld);
        Assert.Equal("regels", Assert.Throws<OngeldigeInvoerException>(() =>
            Caseloadrapportage.Valideer(Peildatum, Peildatum, [("friesland", MaatregelType.Ots, 1), ("friesland", MaatregelType.Ots, 2)])).Veld);
    }
}
