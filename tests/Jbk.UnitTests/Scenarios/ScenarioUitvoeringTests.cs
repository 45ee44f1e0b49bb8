using Jbk.Contracts;
using Jbk.Overdracht.Scenarios;
using Jbk.Planning;

namespace Jbk.UnitTests.Scenarios;

/// <summary>How an approved plan runs: weeks start by date or, accelerated, when the weeks before switched; refusals are planned again.</summary>
public sealed class ScenarioUitvoeringTests
{
    private static readonly DateOnly Start = new(2025, 1, 6);
    private static readonly MaatregelType[] Alle = Enum.GetValues<MaatregelType>();

    private static Ontvanger Regionaal(string gi, int ruimte, int week = 100) => new(gi, ruimte, week, ruimte, GiSoort.Regionaal, [], Alle, true, ["drenthe"]);

    private static TePlaatsen Maatregel(Guid? gezin = null) => new(Guid.NewGuid(), gezin ?? Guid.NewGuid(), MaatregelType.Ots, "drenthe", [], null, null);

    private static (ScenarioUitvoering, List<ScenarioPlaatsing>) Maak(IReadOnlyList<Ontvanger> ontvangers, IReadOnlyList<TePlaatsen> caseload, bool versneld,
        double reserve = 0, int rechtbank = 100)
    {
        var scenario = new Scenario("JBN", ["drenthe"], ontvangers, Start, Start.AddMonths(6), [], rechtbank, reserve);
        var (u, rijen) = ScenarioUitvoering.Maak(Guid.NewGuid(), scenario, versneld, caseload, new Dictionary<Guid, IReadOnlyList<string>>(), "operator", DateTime.UtcNow, new PlannerOpties());
        u.KeurGoed("operator", DateTime.UtcNow);
        return (u, rijen);
    }

    [Fact]
    public void Nothing_starts_before_approval_and_approving_twice_changes_nothing()
    {
        var scenario = new Scenario("JBN", ["drenthe"], [Regionaal("JBF", 10)], Start, Start.AddMonths(6), [], 100);
        var (u, rijen) = ScenarioUitvoering.Maak(Guid.NewGuid(), scenario, versneld: true, [Maatregel()], new Dictionary<Guid, IReadOnlyList<string>>(), "operator", DateTime.UtcNow, new PlannerOpties());

        Assert.False(u.StartWeken(rijen, Start.AddYears(1)));
        Assert.Equal(-1, u.GestarteWeek);
        u.KeurGoed("operator:a", new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc));
        u.KeurGoed("operator:b", new DateTime(2025, 1, 7, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal("operator:a", u.GoedgekeurdDoor);
        Assert.Equal(ScenarioStatus.Lopend, u.Status);
    }

    [Fact]
    public void In_calendar_tempo_a_week_starts_on_its_date()
    {
        var (u, rijen) = Maak([Regionaal("JBF", 10, week: 1)], [Maatregel(), Maatregel(), Maatregel()], versneld: false);

        u.StartWeken(rijen, Start);
        Assert.Equal(0, u.GestarteWeek);
        u.StartWeken(rijen, Start.AddDays(13));
        Assert.Equal(1, u.GestarteWeek); // week 2 starts on day 14
        Assert.Equal([0, 1, 2], rijen.Select(p => p.Week).Order());
    }

    [Fact]
    public void Accelerated_a_week_starts_once_every_handover_before_it_switched()
    {
        var (u, rijen) = Maak([Regionaal("JBF", 10, week: 1)], [Maatregel(), Maatregel()], versneld: true);
        u.StartWeken(rijen, Start);
        Assert.Equal(0, u.GestarteWeek);

        var eerste = rijen.Single(p => p.Week == 0);
        eerste.Aangevraagd(eerste.VolgendeOverdrachtId);
        u.StartWeken(rijen, Start);
        Assert.Equal(0, u.GestarteWeek); // requested, not yet switched

        eerste.Omgezet(DateTime.UtcNow);
        u.StartWeken(rijen, Start);
        Assert.Equal(1, u.GestarteWeek);
    }

    [Fact]
    public void A_refused_family_goes_to_another_receiver_within_the_reserve_and_never_back_to_the_one_that_refused()
    {
        var gezin = Guid.NewGuid();
        // Reserve 50 %: the first plan uses JBF 2 of 4 and JBO 2 of 4.
        var (u, rijen) = Maak([Regionaal("JBF", 4), Regionaal("JBO", 4)], [Maatregel(gezin), Maatregel(gezin), Maatregel(), Maatregel()], versneld: true, reserve: 0.5);
        Assert.All(rijen, p => Assert.Equal(PlaatsingStatus.Gepland, p.Status));
        var gezinsrijen = rijen.Where(p => p.GezinId == gezin).ToList();
        var eerst = gezinsrijen[0].Naar!;
        var eersteId = gezinsrijen[0].VolgendeOverdrachtId;

        foreach (var p in gezinsrijen) p.Geweigerd($"{eerst}: afgewezen: geen jeugdbeschermer vrij");
        u.Herplan(rijen, gezin);
        // One family refused once: one refusal, of two measures.
        Assert.Equal(1, Voortgang.TelWeigeringen(rijen));
        Assert.Equal(2, rijen.Count(p => p.Weigeringen.Count > 0));

        var nu = gezinsrijen.Select(p => p.Naar).Distinct().Single();
        Assert.NotEqual(eerst, nu);
        Assert.All(gezinsrijen, p => Assert.Equal(PlaatsingStatus.Gepland, p.Status));
        Assert.NotEqual(eersteId, gezinsrijen[0].VolgendeOverdrachtId); // a new attempt is a new handover
    }

    [Fact]
    public void A_refused_family_no_one_else_can_take_is_listed_with_the_reason()
    {
        var gezin = Guid.NewGuid();
        var (u, rijen) = Maak([Regionaal("JBF", 2)], [Maatregel(gezin), Maatregel(gezin)], versneld: true);
        foreach (var p in rijen) p.Geweigerd("JBF: afgewezen: vol");
        u.Herplan(rijen, gezin);

        Assert.All(rijen, p =>
        {
            Assert.Equal(PlaatsingStatus.NietPlaatsbaar, p.Status);
            Assert.Contains("JBF: heeft dit gezin geweigerd", p.NietPlaatsbaarReden);
        });
    }

    [Fact]
    public void The_same_attempt_always_has_the_same_handover_id()
    {
        var (_, rijen) = Maak([Regionaal("JBF", 2)], [Maatregel()], versneld: true);
        Assert.Equal(rijen[0].VolgendeOverdrachtId, rijen[0].VolgendeOverdrachtId);
    }

    [Fact]
    public void The_scenario_is_done_when_every_measure_has_its_vaste_jeugdbeschermer_or_could_not_be_placed()
    {
        var (u, rijen) = Maak([Regionaal("JBF", 1)], [Maatregel(), Maatregel()], versneld: true);
        var geplaatst = rijen.Single(p => p.Status == PlaatsingStatus.Gepland);
        Assert.Single(rijen, p => p.Status == PlaatsingStatus.NietPlaatsbaar);

        geplaatst.Aangevraagd(geplaatst.VolgendeOverdrachtId);
        geplaatst.Omgezet(DateTime.UtcNow);
        Assert.False(u.RondAf(rijen, DateTime.UtcNow));
        geplaatst.Voltooid(DateTime.UtcNow, DateTime.UtcNow);
        Assert.True(u.RondAf(rijen, DateTime.UtcNow));
        Assert.Equal(ScenarioStatus.Afgerond, u.Status);
    }

    [Fact]
    public void A_measure_that_ends_before_its_switch_leaves_the_plan_and_its_family_goes_on_without_it()
    {
        var gezin = Guid.NewGuid();
        var (u, rijen) = Maak([Regionaal("JBF", 4), Regionaal("JBO", 4)], [Maatregel(gezin), Maatregel(gezin)], versneld: true, reserve: 0.5);
        var (blijft, eindigt) = (rijen[0], rijen[1]);
        var eerst = blijft.Naar;
        foreach (var p in rijen) p.Aangevraagd(p.VolgendeOverdrachtId);

        // The measure ends by law; its handover is then cancelled (the switch refused), and the family planned again.
        eindigt.MarkeerBeeindigd();
        blijft.Geweigerd($"{eerst}: geannuleerd: een maatregel is beëindigd vóór de omzetting");
        u.Herplan(rijen, gezin);

        Assert.Equal(PlaatsingStatus.Beeindigd, eindigt.Status);
        Assert.Null(eindigt.Naar);
        Assert.Equal(PlaatsingStatus.Gepland, blijft.Status);
        Assert.NotNull(blijft.Naar);
        Assert.Equal(1, Voortgang.Bepaal(u, rijen, new Dictionary<Guid, DateTime>(), DateTime.MinValue).Beeindigd);

        blijft.Aangevraagd(blijft.VolgendeOverdrachtId);
        blijft.Omgezet(DateTime.UtcNow);
        blijft.Voltooid(DateTime.UtcNow, DateTime.UtcNow);
        Assert.True(u.RondAf(rijen, DateTime.UtcNow));
        eindigt.MarkeerBeeindigd();
        blijft.MarkeerBeeindigd(); // a switched measure stays switched
        Assert.Equal(PlaatsingStatus.Voltooid, blijft.Status);
    }

    [Fact]
    public void A_family_whose_handover_the_GIs_cancelled_is_planned_again_without_counting_a_refusal_or_excluding_the_receiver()
    {
        var gezin = Guid.NewGuid();
        var (u, rijen) = Maak([Regionaal("JBF", 4)], [Maatregel(gezin), Maatregel(gezin)], versneld: true);
        var eersteId = rijen[0].VolgendeOverdrachtId;
        foreach (var p in rijen) p.Aangevraagd(p.VolgendeOverdrachtId);

        foreach (var p in rijen) p.Geannuleerd();
        u.Herplan(rijen, gezin);

        Assert.All(rijen, p => Assert.Equal(("JBF", PlaatsingStatus.Gepland), (p.Naar, p.Status)));
        Assert.Equal(0, Voortgang.TelWeigeringen(rijen));
        Assert.NotEqual(eersteId, rijen[0].VolgendeOverdrachtId); // a new attempt is a new handover
    }
}
