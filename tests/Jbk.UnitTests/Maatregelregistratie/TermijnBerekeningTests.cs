using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;

namespace Jbk.UnitTests.Maatregelregistratie;

public sealed class TermijnBerekeningTests
{
    private static readonly TermijnBerekening Berekening = new(Bouw.Opties, new Werkdagen(new Feestdagen()));

    private static Termijn Termijn(Maatregel m, TermijnSoort soort) => Berekening.Bereken(m).Single(t => t.Soort == soort);

    [Fact]
    public void Eerste_contact_is_due_five_working_days_after_assignment_counting_holidays()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots, start: new DateOnly(2025, 4, 30));
        Assert.Equal(new DateOnly(2025, 5, 8), Termijn(ots, TermijnSoort.EersteContact).Uiterlijk);
    }

    [Fact]
    public void Plan_van_aanpak_is_due_six_weeks_after_assignment() =>
        Assert.Equal(Bouw.Start.AddDays(42), Termijn(Bouw.Maatregel(), TermijnSoort.PlanVanAanpak).Uiterlijk);

    [Fact]
    public void The_decision_on_extension_is_due_two_months_before_the_end_and_met_by_a_request_or_a_notice()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        var termijn = Termijn(ots, TermijnSoort.BesluitVerlenging);
        Assert.Equal(ots.Einddatum!.Value.AddMonths(-2), termijn.Uiterlijk);
        Assert.Equal(TermijnStatus.Verstreken, termijn.StatusOp(termijn.Uiterlijk.AddDays(1)));

        ots.RegistreerMijlpaal(MijlpaalSoort.RvdkGemeldGeenVerlenging, termijn.Uiterlijk.AddDays(-3));

        Assert.Equal(TermijnStatus.Voldaan, Termijn(ots, TermijnSoort.BesluitVerlenging).StatusOp(termijn.Uiterlijk.AddDays(1)));
    }

    [Fact]
    public void The_notice_period_is_a_setting()
    {
        var berekening = new TermijnBerekening(new MaatregelOpties { MeldingGeenVerlengingMaandenVoorEinde = 3 }, new Werkdagen(new Feestdagen()));
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        Assert.Equal(ots.Einddatum!.Value.AddMonths(-3), berekening.Bereken(ots).Single(t => t.Soort == TermijnSoort.BesluitVerlenging).Uiterlijk);
    }

    [Fact]
    public void An_MUHP_lapses_when_not_carried_out_within_three_months()
    {
        var kind = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind);
        var muhp = Bouw.Maatregel(MaatregelType.Muhp, start: Bouw.Start.AddDays(10), eind: Bouw.Start.AddMonths(6), jeugdige: kind, ots: ots);

        var termijn = Termijn(muhp, TermijnSoort.MuhpTenUitvoerLegging);
        Assert.Equal(Bouw.Start.AddDays(10).AddMonths(3), termijn.Uiterlijk);

        muhp.RegistreerMijlpaal(MijlpaalSoort.UithuisplaatsingUitgevoerd, Bouw.Start.AddDays(20));
        Assert.Equal(Bouw.Start.AddDays(20), Termijn(muhp, TermijnSoort.MuhpTenUitvoerLegging).VoldaanOp);
    }

    [Fact]
    public void A_running_measure_past_its_end_date_is_overdue() =>
        Assert.Equal(TermijnStatus.Verstreken, Termijn(Bouw.Maatregel(), TermijnSoort.Einddatum).StatusOp(Bouw.Start.AddMonths(13)));

    [Fact]
    public void After_a_transfer_the_normenkader_milestones_start_anew_for_the_receiving_GI()
    {
        var ots = Bouw.Maatregel(MaatregelType.Ots);
        ots.RegistreerMijlpaal(MijlpaalSoort.EersteContact, Bouw.Start.AddDays(2));
        Assert.NotNull(Termijn(ots, TermijnSoort.EersteContact).VoldaanOp);

        var overdrachtDag = new DateOnly(2025, 6, 2);
        ots.DraagOver("JBN", "WSS", Maatregel.Moment(overdrachtDag), Guid.NewGuid());

        var nieuw = Termijn(ots, TermijnSoort.EersteContact);
        Assert.Null(nieuw.VoldaanOp);
        Assert.Equal(new DateOnly(2025, 6, 10), nieuw.Uiterlijk); // 5 working days, Tweede Pinksterdag (9 June) skipped
    }

    [Fact]
    public void An_ended_measure_has_no_open_deadlines()
    {
        var ots = Bouw.Maatregel();
        ots.Beeindig(Bouw.Start.AddMonths(1), "Doel bereikt", null);
        Assert.Empty(Berekening.Bereken(ots));
    }
}
