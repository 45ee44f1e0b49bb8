using Jbk.Contracts;
using Jbk.Overdracht.Scenarios;
using Jbk.Planning;
using Jbk.Simulatie;

namespace Jbk.UnitTests.Scenarios;

/// <summary>The planner's rules on small hand-made cases, and the shipped Drenthe scenario.</summary>
public sealed class PlannerTests
{
    private static readonly DateOnly Start = new(2025, 1, 6);
    private static readonly MaatregelType[] Alle = Enum.GetValues<MaatregelType>();

    private static Ontvanger Regionaal(string gi, int vrij = 100, int week = 100) => new(gi, vrij, week, vrij, GiSoort.Regionaal, [], Alle, true, ["drenthe"]);
    private static Ontvanger Landelijk(string gi, string doelgroep, int vrij = 100) => new(gi, vrij, 100, vrij, GiSoort.Landelijk, [doelgroep], Alle, true, []);

    private static Scenario Scenario(IReadOnlyList<Ontvanger> ontvangers, int rechtbank = 100, params MeegaandeMedewerker[] meegaand) =>
        new("JBN", ["drenthe"], ontvangers, Start, Start.AddMonths(6), meegaand, rechtbank);

    private static TePlaatsen Maatregel(Guid? gezin = null, MaatregelType type = MaatregelType.Ots, string? jb = null, DateOnly? termijn = null, params string[] doelgroepen) =>
        new(Guid.NewGuid(), gezin ?? Guid.NewGuid(), type, "drenthe", doelgroepen, jb, termijn);

    [Fact]
    public void A_worker_who_moves_is_followed_by_their_LVB_families_although_national_families_compete_for_regional_room()
    {
        // JBF has room for 4: two LVB families of a worker moving to JBF, two families only a regional GI may take, and
        // two LVB families without a moving worker that come first (an early deadline) and that WSS can take as well.
        var volgers = new[] { Maatregel(jb: "jb-f", doelgroepen: "lvb"), Maatregel(jb: "jb-f", doelgroepen: "lvb") };
        var regionaal = new[] { Maatregel(), Maatregel() };
        var vroeg = new[] { Maatregel(termijn: Start.AddDays(10), doelgroepen: "lvb"), Maatregel(termijn: Start.AddDays(10), doelgroepen: "lvb") };
        var scenario = Scenario([Regionaal("JBF", vrij: 4), Landelijk("WSS", "lvb", vrij: 10)], 100, new MeegaandeMedewerker("jb-f", "JBF"));

        var plan = GretigePlanner.Maak(scenario, [.. vroeg, .. volgers, .. regionaal]);

        Assert.Empty(plan.NietPlaatsbaar);
        Assert.All(volgers, m => Assert.Equal("JBF", plan.Toewijzingen.Single(t => t.MaatregelId == m.MaatregelId).Naar));
        Assert.All(volgers, m => Assert.True(plan.Toewijzingen.Single(t => t.MaatregelId == m.MaatregelId).VolgtJeugdbeschermer));
        Assert.All(regionaal, m => Assert.Equal("JBF", plan.Toewijzingen.Single(t => t.MaatregelId == m.MaatregelId).Naar));
        Assert.All(vroeg, m => Assert.Equal("WSS", plan.Toewijzingen.Single(t => t.MaatregelId == m.MaatregelId).Naar));
    }

    [Fact]
    public void A_family_is_never_split()
    {
        var gezin = Guid.NewGuid();
        var maatregelen = new[] { Maatregel(gezin), Maatregel(gezin, MaatregelType.Muhp), Maatregel(gezin, MaatregelType.Voogdij), Maatregel(), Maatregel() };
        // Room for 2 + 3: the family of three must go to JBO together, the rest fills JBF.
        var plan = GretigePlanner.Maak(Scenario([Regionaal("JBF", vrij: 2), Regionaal("JBO", vrij: 3)]), maatregelen);

        Assert.Empty(plan.NietPlaatsbaar);
        Assert.Single(plan.Toewijzingen.Where(t => t.GezinId == gezin).Select(t => t.Naar).Distinct());
        Assert.Equal("JBO", plan.Toewijzingen.First(t => t.GezinId == gezin).Naar);
    }

    [Fact]
    public void An_infeasible_scenario_lists_what_cannot_be_placed_and_why()
    {
        var maatregelen = Enumerable.Range(0, 5).Select(_ => Maatregel()).ToList();
        var plan = GretigePlanner.Maak(Scenario([Regionaal("JBF", vrij: 3)]), maatregelen);

        Assert.Equal(3, plan.Toewijzingen.Count);
        Assert.Equal(2, plan.NietPlaatsbaar.Count);
        Assert.All(plan.NietPlaatsbaar, n => Assert.Contains("JBF: vol", n.Reden));
        Assert.False(plan.DeadlineGehaald);
    }

    [Fact]
    public void The_re_planning_reserve_stays_free_unless_a_family_would_otherwise_stay_unplaced()
    {
        // Room for 4 each, a reserve of 25 % (one place each).
        Scenario MetReserve(params Ontvanger[] o) => Scenario(o) with { Herplanreserve = 0.25 };

        var ruim = GretigePlanner.Maak(MetReserve(Regionaal("JBF", vrij: 4), Regionaal("JBO", vrij: 4)), Enumerable.Range(0, 6).Select(_ => Maatregel()).ToList());
        Assert.Empty(ruim.NietPlaatsbaar);
        Assert.Equal(3, ruim.Toewijzingen.Count(t => t.Naar == "JBF"));
        Assert.Equal(3, ruim.Toewijzingen.Count(t => t.Naar == "JBO"));

        var krap = GretigePlanner.Maak(MetReserve(Regionaal("JBF", vrij: 4), Regionaal("JBO", vrij: 4)), Enumerable.Range(0, 8).Select(_ => Maatregel()).ToList());
        Assert.Empty(krap.NietPlaatsbaar);
        Assert.Equal(4, krap.Toewijzingen.Count(t => t.Naar == "JBF"));

        var teKrap = GretigePlanner.Maak(MetReserve(Regionaal("JBF", vrij: 4)), Enumerable.Range(0, 5).Select(_ => Maatregel()).ToList());
        Assert.Equal("JBF: vol (nog 0 plaats(en), gezin van 1)", teKrap.NietPlaatsbaar.Single().Reden);
    }

    [Fact]
    public void A_national_GI_only_takes_its_doelgroep_and_regional_GIs_come_first()
    {
        var lvb = Maatregel(doelgroepen: "lvb");
        var gewoon = Maatregel();
        var plan = GretigePlanner.Maak(Scenario([Landelijk("WSS", "lvb"), Regionaal("JBO", vrij: 1)]), [lvb, gewoon]);

        // JBO has room for one, which the family without LVB needs: the LVB family goes to WSS.
        Assert.Empty(plan.NietPlaatsbaar);
        Assert.Equal("WSS", plan.Toewijzingen.Single(t => t.MaatregelId == lvb.MaatregelId).Naar);
        Assert.Equal("JBO", plan.Toewijzingen.Single(t => t.MaatregelId == gewoon.MaatregelId).Naar);

        var zonderRegio = GretigePlanner.Maak(Scenario([Landelijk("WSS", "lvb")]), [gewoon]);
        Assert.Contains("WSS: doelgroep past niet", zonderRegio.NietPlaatsbaar.Single().Reden);

        var voorkeur = GretigePlanner.Maak(Scenario([Landelijk("WSS", "lvb"), Regionaal("JBO")]), [lvb]);
        Assert.Equal("JBO", voorkeur.Toewijzingen.Single().Naar); // regional over national when both may
    }

    [Fact]
    public void Cases_follow_their_case_worker_where_that_worker_moves()
    {
        var metJb = Maatregel(jb: "jb-07");
        var plan = GretigePlanner.Maak(Scenario([Regionaal("JBF"), Regionaal("JBO")], meegaand: new MeegaandeMedewerker("jb-07", "JBO")), [metJb, Maatregel(jb: "jb-01")]);

        var volgt = plan.Toewijzingen.Single(t => t.MaatregelId == metJb.MaatregelId);
        Assert.Equal("JBO", volgt.Naar);
        Assert.True(volgt.VolgtJeugdbeschermer);
        Assert.Equal(1, plan.Wisselingen);
    }

    [Fact]
    public void Weekly_limits_and_the_courts_batch_spread_the_work_over_the_weeks()
    {
        var maatregelen = Enumerable.Range(0, 10).Select(_ => Maatregel()).ToList();
        var plan = GretigePlanner.Maak(Scenario([Regionaal("JBF", week: 4), Regionaal("JBO", week: 4)], rechtbank: 5), maatregelen);

        Assert.Empty(plan.NietPlaatsbaar);
        Assert.All(plan.Toewijzingen.GroupBy(t => t.Week), w => Assert.True(w.Count() <= 5));
        Assert.All(plan.Toewijzingen.GroupBy(t => (t.Naar, t.Week)), w => Assert.True(w.Count() <= 4));
        Assert.Equal(1, plan.Toewijzingen.Max(t => t.Week)); // the court converts 5 a week: weeks 0 and 1
    }

    [Fact]
    public void Deadlines_in_the_window_go_first_and_are_flagged_when_they_fall_before_their_week()
    {
        var dringend = Maatregel(termijn: Start.AddDays(3));
        var later = Enumerable.Range(0, 4).Select(_ => Maatregel(termijn: Start.AddMonths(5))).ToList();
        var plan = GretigePlanner.Maak(Scenario([Regionaal("JBO", week: 2)]), [.. later, dringend]);

        var eerste = plan.Toewijzingen.Single(t => t.MaatregelId == dringend.MaatregelId);
        Assert.Equal(0, eerste.Week);
        Assert.True(eerste.TermijnGemarkeerd);
        Assert.DoesNotContain(plan.Toewijzingen.Where(t => t.MaatregelId != dringend.MaatregelId), t => t.TermijnGemarkeerd);
    }

    [Fact]
    public void A_week_before_the_deadline_at_a_national_GI_goes_before_a_late_week_at_a_regional_one()
    {
        // JBO takes one a week. The first family takes JBO's first week; the second can still go on time only to WSS
        // (a deadline weighs more than regional, as in the optimal planner's objective).
        var eerste = Maatregel(termijn: Start.AddDays(9), doelgroepen: "lvb");
        var tweede = Maatregel(termijn: Start.AddDays(10), doelgroepen: "lvb");
        var plan = GretigePlanner.Maak(Scenario([Regionaal("JBO", week: 1), Landelijk("WSS", "lvb")]), [tweede, eerste]);

        Assert.Equal(("JBO", 0), plan.Toewijzingen.Where(t => t.MaatregelId == eerste.MaatregelId).Select(t => (t.Naar, t.Week)).Single());
        Assert.Equal(("WSS", 0), plan.Toewijzingen.Where(t => t.MaatregelId == tweede.MaatregelId).Select(t => (t.Naar, t.Week)).Single());
        Assert.DoesNotContain(plan.Toewijzingen, t => t.TermijnGemarkeerd);
    }

    [Fact]
    public void A_family_that_can_no_longer_go_on_time_waits_so_that_the_next_one_still_can()
    {
        // One a week. Both a and b can only go on time in week 0; c until week 1. Taking week 1 for b (late anyway)
        // would make c late too: b waits, and one measure is late instead of two.
        var a = Maatregel(termijn: Start.AddDays(8));
        var b = Maatregel(termijn: Start.AddDays(9));
        var c = Maatregel(termijn: Start.AddDays(16));
        var plan = GretigePlanner.Maak(Scenario([Regionaal("JBO", week: 1)]), [c, b, a]);

        int Week(TePlaatsen m) => plan.Toewijzingen.Single(t => t.MaatregelId == m.MaatregelId).Week;
        Assert.Equal([0, 2, 1], [Week(a), Week(b), Week(c)]);
        Assert.Equal([b.MaatregelId], plan.Toewijzingen.Where(t => t.TermijnGemarkeerd).Select(t => t.MaatregelId));
    }

    [Fact]
    public void The_plan_is_the_same_for_the_same_input()
    {
        var caseload = DrentheScenario.Caseload(388, Start);
        var a = GretigePlanner.Maak(DrentheScenario.Scenario(Start), caseload);
        var b = GretigePlanner.Maak(DrentheScenario.Scenario(Start), caseload.Reverse().ToList());
        Assert.Equal(a.Toewijzingen.OrderBy(t => t.MaatregelId), b.Toewijzingen.OrderBy(t => t.MaatregelId));
    }

    [Fact]
    public void The_Drenthe_scenario_places_all_388_measures_within_six_months()
    {
        var caseload = DrentheScenario.Caseload(388, Start);
        Assert.Equal(388, caseload.Count);
        Assert.InRange(caseload.Count(m => m.Type == MaatregelType.Ots), 120, 210);
        Assert.Contains(caseload.GroupBy(m => m.GezinId), g => g.Count() > 1);

        var plan = GretigePlanner.Maak(DrentheScenario.Scenario(Start), caseload);

        Assert.Empty(plan.NietPlaatsbaar);
        Assert.True(plan.DeadlineGehaald);
        Assert.Equal(["JBF", "JBO", "LJR", "WSS"], plan.Toewijzingen.Select(t => t.Naar).Distinct().Order());
        Assert.All(plan.Toewijzingen.Where(t => t.Naar == "WSS"), t => Assert.Contains("lvb", caseload.Single(m => m.MaatregelId == t.MaatregelId).Doelgroepen));
    }

    [Fact]
    public void The_Drenthe_scenario_scaled_to_any_size_of_rehearsal_places_everyone_before_the_deadline()
    {
        foreach (var aantal in Enumerable.Range(1, 388))
        {
            var plan = GretigePlanner.Maak(DrentheScenario.Scenario(Start, aantal / 388.0), DrentheScenario.Caseload(aantal, Start));

            Assert.True(plan.NietPlaatsbaar.Count == 0, $"{aantal} maatregelen: {string.Join("; ", plan.NietPlaatsbaar.Select(n => n.Reden))}");
            Assert.True(plan.DeadlineGehaald, $"{aantal} maatregelen: deadline niet gehaald");
        }
    }

    [Fact]
    public void The_extended_Drenthe_scenario_has_its_deadline_twelve_months_after_the_start_and_still_places_everyone()
    {
        var caseload = DrentheScenario.Caseload(388, Start);
        var verlengd = DrentheScenario.Scenario(Start, verlengd: true);

        var plan = GretigePlanner.Maak(verlengd, caseload);

        Assert.Equal(Start.AddMonths(12), verlengd.Deadline);
        Assert.Equal(Start.AddMonths(6), DrentheScenario.Scenario(Start).Deadline);
        Assert.Empty(plan.NietPlaatsbaar);
        Assert.True(plan.DeadlineGehaald);
    }
}

public sealed class DryRunTests
{
    [Fact]
    public void The_dry_run_of_Drenthe_shows_every_measure_once_capacity_before_and_after_and_the_court_within_its_batch()
    {
        var start = new DateOnly(2025, 1, 6);
        var scenario = DrentheScenario.Scenario(start);
        var caseload = DrentheScenario.Caseload(388, start);
        var plan = GretigePlanner.Maak(scenario, caseload);

        var rapport = DryRun.Maak(scenario, plan, caseload);

        Assert.Equal(388, rapport.Weken.Sum(w => w.Totaal));
        Assert.Equal(388, rapport.Ontvangers.Sum(o => o.Ontvangen));
        Assert.All(rapport.Ontvangers, o => Assert.True(o.VrijNa >= 0 && o.Ontvangen <= o.VrijVoor && o.Plafond is null));
        Assert.All(rapport.Rechtbank, r => Assert.True(r.Aantal <= r.Maximum));
        Assert.All(rapport.Weken, w => Assert.True(w.Totaal <= scenario.Ontvangers.Single(o => o.GiCode == w.Naar).WekelijkseLimiet));
        Assert.True(rapport.DeadlineGehaald);
        Assert.True(rapport.LaatsteOmzetweek < scenario.Deadline);
    }
}
