using Jbk.BuildingBlocks.Kalender;
using Jbk.Contracts;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Processen;
using Jbk.Overdracht.Scenarios;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.UnitTests.Scenarios;

/// <summary>The continuity report judges what happened, not what was planned: timelines, families, capacity, deadline, vaste jeugdbeschermer.</summary>
public sealed class ScenarioRapportTests
{
    private static readonly DateOnly Start = new(2025, 1, 6); // a Monday
    private static readonly DateTime Omgezet = new(2025, 1, 7, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Werkdagen Werkdagen = new(new Feestdagen());
    private static readonly MaatregelType[] Alle = Enum.GetValues<MaatregelType>();

    private sealed record Geval(ScenarioUitvoering U, List<ScenarioPlaatsing> Rijen, Dictionary<Guid, OverdrachtProces> Overdrachten, Dictionary<Guid, IReadOnlyList<Periode>> Tijdlijnen)
    {
        public Rapport Rapport() => ScenarioRapport.Maak(U, Rijen, Overdrachten, Tijdlijnen, Werkdagen, 10);
    }

    /// <summary>Two families of two, both switched to their planned GI and completed the next day.</summary>
    private static Geval Afgerond(int wekelijkseLimiet = 100)
    {
        var gezinnen = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var caseload = gezinnen.SelectMany(g => new[] { new TePlaatsen(Guid.NewGuid(), g, MaatregelType.Ots, "drenthe", [], null, null), new TePlaatsen(Guid.NewGuid(), g, MaatregelType.Muhp, "drenthe", [], null, null) }).ToList();
        var scenario = new Scenario("JBN", ["drenthe"], [new Ontvanger("JBO", 10, wekelijkseLimiet, 10, GiSoort.Regionaal, [], Alle, true, ["drenthe"])], Start, Start.AddMonths(6), [], 100);
        var (u, rijen) = ScenarioUitvoering.Maak(Guid.NewGuid(), scenario, true, caseload, new Dictionary<Guid, IReadOnlyList<string>>(), "operator", Omgezet);
        var overdrachten = new Dictionary<Guid, OverdrachtProces>();
        foreach (var gezin in rijen.GroupBy(p => p.GezinId))
        {
            var id = gezin.First().VolgendeOverdrachtId;
            var o = OverdrachtProces.VraagAan(id, OverdrachtVoortzetter.Dienst, "JBO", Start, gezin.Select(p => new OverdrachtMaatregel(p.MaatregelId, p.Type, p.GezinId)).ToList(), null, Omgezet);
            o.ZetVerzender("JBN");
            o.LegControlesVast(ContinuiteitsRegels.Alle.Select(r => new RegelUitkomst(r, true, "gehaald")).ToList(), OverdrachtVoortzetter.Dienst, Omgezet);
            overdrachten[id] = o;
            foreach (var p in gezin)
            {
                p.Aangevraagd(id);
                p.Voltooid(Omgezet, Omgezet.AddDays(1));
            }
        }
        var tijdlijnen = rijen.ToDictionary(p => p.MaatregelId, p => (IReadOnlyList<Periode>)[new Periode("JBN", Omgezet.AddYears(-1), Omgezet), new Periode("JBO", Omgezet, null)]);
        return new Geval(u, rijen, overdrachten, tijdlijnen);
    }

    [Fact]
    public void A_clean_run_holds_every_rule_and_says_so()
    {
        var rapport = Afgerond().Rapport();

        Assert.True(rapport.AlleRegelsGehaald, string.Join("; ", rapport.Regels.Where(r => !r.Geslaagd).Select(r => r.Toelichting)));
        Assert.True(rapport.DeadlineGehaald);
        Assert.All(rapport.Maatregelen, m =>
        {
            Assert.Equal("JBN", m.OudeGi);
            Assert.Equal("JBO", m.NieuweGi);
            Assert.Equal(["JBO"], m.VerantwoordelijkNu);
            Assert.Equal(1, m.WerkdagenTotVast);
        });
        Assert.Contains(rapport.Regels, r => r.Regel == ContinuiteitsRegels.GezinBlijftSamen && r.Geslaagd);
    }

    [Fact]
    public void Two_responsible_GIs_or_a_gap_in_the_timeline_break_the_one_GI_rule()
    {
        var geval = Afgerond();
        var (eerste, tweede) = (geval.Rijen[0].MaatregelId, geval.Rijen[1].MaatregelId);
        geval.Tijdlijnen[eerste] = [new Periode("JBN", Omgezet.AddYears(-1), null), new Periode("JBO", Omgezet, null)];
        geval.Tijdlijnen[tweede] = [new Periode("JBN", Omgezet.AddYears(-1), Omgezet.AddHours(-1)), new Periode("JBO", Omgezet, null)];

        var regel = geval.Rapport().Regels.Single(r => r.Regel == ScenarioRapport.EenVerantwoordelijkeGi);
        Assert.False(regel.Geslaagd);
        Assert.Contains("2 verantwoordelijke GI's", regel.Toelichting);
        Assert.Contains("gat of overlap", regel.Toelichting);
    }

    [Fact]
    public void A_failed_continuity_check_of_a_switched_handover_is_reported_by_name()
    {
        var geval = Afgerond();
        var o = geval.Overdrachten.Values.First();
        o.Controles[^1] = new RegelUitkomst(ContinuiteitsRegels.GezinBlijftSamen, false, "1 lopende maatregel blijft achter");

        var regel = geval.Rapport().Regels.Single(r => r.Regel == ContinuiteitsRegels.GezinBlijftSamen);
        Assert.False(regel.Geslaagd);
        Assert.Contains("blijft achter", regel.Toelichting);
    }

    [Fact]
    public void A_late_vaste_jeugdbeschermer_and_a_switch_after_the_deadline_are_caught()
    {
        var geval = Afgerond();
        geval.Rijen[0].Voltooid(Omgezet, Omgezet.AddDays(30));
        geval.Rijen[1].Voltooid(Start.AddMonths(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Start.AddMonths(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        var rapport = geval.Rapport();
        Assert.False(rapport.Regels.Single(r => r.Regel == ScenarioRapport.VasteJeugdbeschermer).Geslaagd);
        Assert.False(rapport.Regels.Single(r => r.Regel == ScenarioRapport.DeadlineGehaald).Geslaagd);
        Assert.False(rapport.DeadlineGehaald);
        Assert.False(rapport.AlleRegelsGehaald);
    }

    [Fact]
    public void More_than_the_weekly_limit_at_a_receiver_breaks_the_capacity_rule()
    {
        var geval = Afgerond(wekelijkseLimiet: 3); // the plan spread 4 over two weeks
        Assert.True(geval.Rapport().Regels.Single(r => r.Regel == ScenarioRapport.BinnenCapaciteit).Geslaagd);
        foreach (var p in geval.Rijen) p.Plaats(new Toewijzing(p.MaatregelId, p.GezinId, p.Type, "JBO", 0, false, false));

        var regel = geval.Rapport().Regels.Single(r => r.Regel == ScenarioRapport.BinnenCapaciteit);
        Assert.False(regel.Geslaagd);
        Assert.Contains("week 0", regel.Toelichting);
    }
}
