using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;

namespace Jbk.UnitTests.Maatregelregistratie;

/// <summary>Every rule of a measure's life, by the name it carries in FAILED_PRECONDITION.</summary>
public sealed class MaatregelRegelsTests
{
    private static void Schendt(string regel, Action stap) => Assert.Equal(regel, Assert.Throws<RegelGeschondenException>(stap).Regel);

    [Fact]
    public void OtsMaximaalEenJaar() =>
        Schendt(Regels.OtsMaximaalEenJaar, () => Bouw.Maatregel(MaatregelType.Ots, eind: Bouw.Start.AddMonths(12).AddDays(1)));

    [Fact]
    public void VoorlopigeMaatregelMaximaalDrieMaanden_and_its_term_is_set_by_law_when_not_given()
    {
        Schendt(Regels.VoorlopigeMaatregelMaximaalDrieMaanden, () => Bouw.Maatregel(MaatregelType.VoorlopigeOts, eind: Bouw.Start.AddMonths(4)));
        Assert.Equal(Bouw.Start.AddMonths(3), Bouw.Maatregel(MaatregelType.VoorlopigeVoogdij).Einddatum);
    }

    [Fact]
    public void MinderjarigBijStart_except_for_jeugdreclassering()
    {
        var volwassen = Bouw.Jeugdige(geboren: Bouw.Start.AddYears(-18));
        Schendt(Regels.MinderjarigBijStart, () => Bouw.Maatregel(MaatregelType.Ots, jeugdige: volwassen));
        Assert.Equal(MaatregelType.Jeugdreclassering, Bouw.Maatregel(MaatregelType.Jeugdreclassering, jeugdige: volwassen).Type);
    }

    [Fact]
    public void Voogdij_ends_by_law_when_the_child_comes_of_age()
    {
        var jeugdige = Bouw.Jeugdige(geboren: new DateOnly(2010, 8, 15));
        Assert.Equal(new DateOnly(2028, 8, 15), Bouw.Maatregel(MaatregelType.Voogdij, jeugdige: jeugdige).Einddatum);
    }

    [Fact]
    public void MuhpBinnenOts_holds_for_an_MUHP_inside_a_running_OTS_of_the_same_child_and_GI()
    {
        var kind = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind);

        var muhp = Bouw.Maatregel(MaatregelType.Muhp, start: Bouw.Start.AddMonths(1), eind: Bouw.Start.AddMonths(7), jeugdige: kind, ots: ots);

        Assert.Equal(ots.Id, muhp.OtsId);
    }

    [Fact]
    public void MuhpBinnenOts_refuses_an_MUHP_without_OTS_of_another_child_of_another_GI_or_outliving_the_OTS()
    {
        var kind = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind);
        var muhpStart = Bouw.Start.AddMonths(1);

        Schendt(Regels.MuhpBinnenOts, () => Bouw.Maatregel(MaatregelType.Muhp, start: muhpStart, jeugdige: kind, ots: null));
        Schendt(Regels.MuhpBinnenOts, () => Bouw.Maatregel(MaatregelType.Muhp, start: muhpStart, jeugdige: Bouw.Jeugdige(), ots: ots));
        Schendt(Regels.MuhpBinnenOts, () => Bouw.Maatregel(MaatregelType.Muhp, gi: "WSS", start: muhpStart, jeugdige: kind, ots: ots));
        Schendt(Regels.MuhpBinnenOts, () => Bouw.Maatregel(MaatregelType.Muhp, start: muhpStart, eind: ots.Einddatum!.Value.AddDays(1), jeugdige: kind, ots: ots));
        Schendt(Regels.MuhpBinnenOts, () => Bouw.Maatregel(MaatregelType.Muhp, start: Bouw.Start.AddDays(-1), jeugdige: kind, ots: ots));
        var voogdij = Bouw.Maatregel(MaatregelType.Voogdij, jeugdige: kind);
        Schendt(Regels.MuhpBinnenOts, () => Bouw.Maatregel(MaatregelType.Muhp, start: muhpStart, jeugdige: kind, ots: voogdij));
    }

    [Fact]
    public void An_MUHP_is_extended_only_within_its_OTS()
    {
        var kind = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind);
        var muhp = Bouw.Maatregel(MaatregelType.Muhp, start: Bouw.Start.AddMonths(1), eind: Bouw.Start.AddMonths(6), jeugdige: kind, ots: ots);

        Schendt(Regels.MuhpBinnenOts, () => muhp.Verleng(Bouw.Verlenging(ots.Einddatum!.Value.AddMonths(1)), ots, Bouw.Opties));
        muhp.Verleng(Bouw.Verlenging(ots.Einddatum!.Value), ots, Bouw.Opties);
        Assert.Equal(ots.Einddatum, muhp.Einddatum);
    }

    [Fact]
    public void VerlengingMaximaalEenJaar_and_VerlengingNaHuidigeEinddatum()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        var einde = ots.Einddatum!.Value;

        Schendt(Regels.VerlengingMaximaalEenJaar, () => ots.Verleng(Bouw.Verlenging(einde.AddMonths(12).AddDays(1)), null, Bouw.Opties));
        Schendt(Regels.VerlengingNaHuidigeEinddatum, () => ots.Verleng(Bouw.Verlenging(einde), null, Bouw.Opties));
        var verlengd = ots.Verleng(Bouw.Verlenging(einde.AddMonths(12)), null, Bouw.Opties);

        Assert.Equal(einde.AddMonths(12), verlengd.NieuweEinddatum);
        Assert.Equal(einde.AddMonths(12), ots.Einddatum);
    }

    [Fact]
    public void VerlengingAlleenOtsOfMuhp() =>
        Schendt(Regels.VerlengingAlleenOtsOfMuhp, () => Bouw.Maatregel(MaatregelType.Voogdij).Verleng(Bouw.Verlenging(new DateOnly(2040, 1, 1)), null, Bouw.Opties));

    [Fact]
    public void AlleenLopendeMaatregel_after_the_end_nothing_changes_any_more()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        ots.Beeindig(Bouw.Start.AddMonths(2), "Doel bereikt", null);

        Schendt(Regels.AlleenLopendeMaatregel, () => ots.Verleng(Bouw.Verlenging(ots.Einddatum!.Value.AddMonths(3)), null, Bouw.Opties));
        Schendt(Regels.AlleenLopendeMaatregel, () => ots.Beeindig(Bouw.Start.AddMonths(3), "nogmaals", null));
        Schendt(Regels.AlleenLopendeMaatregel, () => ots.DraagOver("JBN", "JBF", Maatregel.Moment(Bouw.Start.AddMonths(1)), Guid.NewGuid()));
        Schendt(Regels.AlleenLopendeMaatregel, () => ots.WijsToe(ToewijzingSoort.Vast, "jb-1", Bouw.Start.AddMonths(3)));
    }

    [Fact]
    public void EindeNietVoorStart() =>
        Schendt(Regels.EindeNietVoorStart, () => Bouw.Maatregel(MaatregelType.Ots).Beeindig(Bouw.Start.AddDays(-1), "vergissing", null));

    [Fact]
    public void Ending_closes_the_timeline_at_the_end_date()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        var einde = ots.Beeindig(Bouw.Start.AddMonths(5), "Doel bereikt", null);

        Assert.Equal(Maatregel.Moment(Bouw.Start.AddMonths(5)), ots.HuidigeVerantwoordelijkheid.TotUtc);
        Assert.Equal("JBN", einde.GiCode);
        Assert.Null(Tijdlijn.Schending(ots));
        Assert.Null(ots.VerantwoordelijkeOp(Maatregel.Moment(Bouw.Start.AddMonths(6))));
    }

    [Fact]
    public void A_transfer_switches_at_one_instant_never_zero_never_two_GIs()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        var op = Maatregel.Moment(Bouw.Start.AddMonths(2)).AddHours(10);

        var overgedragen = ots.DraagOver("JBN", "WSS", op, Guid.NewGuid());

        Assert.NotNull(overgedragen);
        Assert.Equal("JBN", ots.VerantwoordelijkeOp(op.AddTicks(-1)));
        Assert.Equal("WSS", ots.VerantwoordelijkeOp(op));
        Assert.Equal("WSS", ots.VerantwoordelijkeGi);
        Assert.Null(Tijdlijn.Schending(ots));
    }

    [Fact]
    public void The_same_transfer_applied_twice_changes_nothing_the_second_time()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        var id = Guid.NewGuid();
        var op = Maatregel.Moment(Bouw.Start.AddMonths(2));

        Assert.NotNull(ots.DraagOver("JBN", "WSS", op, id));
        Assert.Null(ots.DraagOver("JBN", "WSS", op, id));
        Assert.Equal(2, ots.Verantwoordelijkheden.Count);
    }

    [Fact]
    public void OverdrachtDoorVerantwoordelijkeGi_OverdrachtNaarAndereGi_OverdrachtBinnenLooptijd()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        var op = Maatregel.Moment(Bouw.Start.AddMonths(2));

        Schendt(Regels.OverdrachtDoorVerantwoordelijkeGi, () => ots.DraagOver("JBF", "WSS", op, Guid.NewGuid()));
        Schendt(Regels.OverdrachtNaarAndereGi, () => ots.DraagOver("JBN", "JBN", op, Guid.NewGuid()));
        Schendt(Regels.OverdrachtBinnenLooptijd, () => ots.DraagOver("JBN", "WSS", Maatregel.Moment(Bouw.Start), Guid.NewGuid()));
        Schendt(Regels.OverdrachtBinnenLooptijd, () => ots.DraagOver("JBN", "WSS", Maatregel.Moment(ots.Einddatum!.Value), Guid.NewGuid()));
    }

    [Fact]
    public void The_waiting_time_without_a_vaste_jeugdbeschermer_is_counted_from_the_assignment_to_the_GI()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        ots.WijsToe(ToewijzingSoort.Pool, "CCP", Bouw.Start);
        Assert.Equal(20, ots.DagenZonderVasteJeugdbeschermer(Bouw.Start.AddDays(20)));

        ots.WijsToe(ToewijzingSoort.Vast, "jb-42", Bouw.Start.AddDays(30));

        Assert.True(ots.HeeftVasteJeugdbeschermer);
        Assert.Equal(30, ots.DagenZonderVasteJeugdbeschermer(Bouw.Start.AddDays(90)));
    }

    [Fact]
    public void OnbekendeGi_is_refused_with_NOT_FOUND_naming_the_code()
    {
        var ex = Assert.Throws<NietGevondenException>(() =>
            MaatregelInvoer.Valideer("k", MaatregelType.Ots, "XYZ", "drenthe", Bouw.Start, null, false));
        Assert.Contains("XYZ", ex.Message);
    }
}
