using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;

namespace Jbk.UnitTests.Maatregelregistratie;

/// <summary>The law on measures: an MUHP per decision, majority, lapse, and decisions that have been taken.</summary>
public sealed class WetRegelsTests
{
    private static void Schendt(string regel, Action stap) => Assert.Equal(regel, Assert.Throws<RegelGeschondenException>(stap).Regel);

    private static Beschikking Verlenging(DateOnly nieuweEinde, DateOnly op) =>
        new(BeschikkingSoort.Verlengen, "Rechtbank Noord-Nederland", "C/19/7", op, nieuweEinde);

    [Fact]
    public void MuhpMaximaalEenJaar_per_decision()
    {
        // An OTS extended to two years leaves room for a long MUHP inside it; the MUHP's own decision is at most a year.
        var jeugdige = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: jeugdige, eind: Bouw.Start.AddMonths(12));
        ots.Verleng(Bouw.Verlenging(Bouw.Start.AddMonths(24)), null, Bouw.Opties);
        Schendt(Regels.MuhpMaximaalEenJaar, () => Bouw.Maatregel(MaatregelType.Muhp, jeugdige: jeugdige, ots: ots, start: Bouw.Start.AddDays(1), eind: Bouw.Start.AddDays(1).AddMonths(20)));
        Assert.NotNull(Bouw.Maatregel(MaatregelType.Muhp, jeugdige: jeugdige, ots: ots, start: Bouw.Start.AddDays(1), eind: Bouw.Start.AddDays(1).AddMonths(12)));
    }

    [Fact]
    public void EindeUiterlijkBijMeerderjarigheid_for_OTS_and_voogdij_but_not_for_JR()
    {
        var bijna18 = Bouw.Jeugdige(geboren: Bouw.Start.AddYears(-18).AddMonths(6)); // turns 18 six months after the start
        Schendt(Regels.EindeUiterlijkBijMeerderjarigheid, () => Bouw.Maatregel(MaatregelType.Ots, jeugdige: bijna18, eind: Bouw.Start.AddMonths(12)));
        Assert.NotNull(Bouw.Maatregel(MaatregelType.Ots, jeugdige: bijna18, eind: bijna18.Wordt18));
        Schendt(Regels.EindeUiterlijkBijMeerderjarigheid, () => Bouw.Maatregel(MaatregelType.Voogdij, jeugdige: bijna18, eind: bijna18.Wordt18.AddDays(1)));
        Assert.Equal(bijna18.Wordt18, Bouw.Maatregel(MaatregelType.Voogdij, jeugdige: bijna18).Einddatum); // by law, without a date
        Assert.NotNull(Bouw.Maatregel(MaatregelType.Jeugdreclassering, jeugdige: bijna18, eind: Bouw.Start.AddMonths(12)));

        // An extension past the 18th birthday neither.
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: bijna18, eind: Bouw.Start.AddMonths(3));
        Schendt(Regels.EindeUiterlijkBijMeerderjarigheid, () => ots.Verleng(Verlenging(Bouw.Start.AddMonths(9), Bouw.Start.AddMonths(2)), null, Bouw.Opties, bijna18.Wordt18, Bouw.Start.AddMonths(2)));
    }

    [Fact]
    public void GeenVerlengingNaVerval_an_OTS_whose_end_date_passed_is_not_extended()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots, eind: Bouw.Start.AddMonths(12));
        var einde = ots.Einddatum!.Value;
        Schendt(Regels.GeenVerlengingNaVerval, () => ots.Verleng(Verlenging(einde.AddMonths(6), einde), null, Bouw.Opties, null, einde));
        Schendt(Regels.GeenVerlengingNaVerval, () => ots.Verleng(Verlenging(einde.AddMonths(6), einde), null, Bouw.Opties, null, einde.AddDays(30)));
        Assert.NotNull(ots.Verleng(Verlenging(einde.AddMonths(6), einde.AddDays(-5)), null, Bouw.Opties, null, einde.AddDays(-1)));
    }

    [Fact]
    public void EindigtVanRechtswege_a_measure_ends_on_its_end_date_without_extension_and_stays_unextendable()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots, eind: Bouw.Start.AddMonths(12));
        var einde = ots.Einddatum!.Value;
        Assert.Null(ots.EindigVanRechtswege(einde.AddDays(-1))); // the day before: it still runs

        var beeindigd = ots.EindigVanRechtswege(einde);

        Assert.NotNull(beeindigd);
        Assert.Equal(einde, beeindigd.Datum);
        Assert.False(ots.IsLopend);
        Assert.Equal(Maatregel.Moment(einde), ots.HuidigeVerantwoordelijkheid.TotUtc);
        Assert.Null(ots.EindigVanRechtswege(einde.AddDays(1))); // once
        Schendt(Regels.GeenVerlengingNaVerval, () => ots.Verleng(Verlenging(einde.AddMonths(6), einde), null, Bouw.Opties, null, einde.AddDays(1)));

        var voogdij = Bouw.Maatregel(MaatregelType.Voogdij, jeugdige: Bouw.Jeugdige(geboren: Bouw.Start.AddYears(-17)));
        Assert.NotNull(voogdij.EindigVanRechtswege(voogdij.Einddatum!.Value)); // on the 18th birthday
    }

    [Fact]
    public void BeschikkingNietInDeToekomst_for_registration_extension_and_end()
    {
        var vandaag = Bouw.Start.AddMonths(2);
        var toekomstig = new Beschikking(BeschikkingSoort.Verlengen, "Rechtbank Noord-Nederland", "C/19/1", vandaag.AddDays(1), Bouw.Start.AddMonths(18));
        var ots = Bouw.Maatregel(MaatregelType.Ots, eind: Bouw.Start.AddMonths(12));
        Schendt(Regels.BeschikkingNietInDeToekomst, () => ots.Verleng(toekomstig, null, Bouw.Opties, null, vandaag));
        Schendt(Regels.BeschikkingNietInDeToekomst, () => ots.Beeindig(vandaag, "Doel bereikt", toekomstig with { Soort = BeschikkingSoort.Beeindigen }, vandaag));
        Schendt(Regels.BeschikkingNietInDeToekomst, () => Maatregel.ControleerBeschikking(toekomstig, vandaag));
        Maatregel.ControleerBeschikking(toekomstig with { Datum = vandaag }, vandaag); // today is fine
    }
}
