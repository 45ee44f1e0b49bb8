using Jbk.Contracts;
using Jbk.Planning;
using Jbk.Simulatie;

namespace Jbk.UnitTests.Scenarios;

/// <summary>The judge of every plan: a valid plan passes, and each hard rule broken on purpose fails that rule alone.</summary>
public sealed class PlanregelsTests
{
    private static readonly DateOnly Start = new(2025, 1, 6);
    private static readonly Scenario Drenthe = DrentheScenario.Scenario(Start);
    private static readonly IReadOnlyList<TePlaatsen> Caseload = DrentheScenario.Caseload(388, Start);
    private static readonly Plan Geldig = GretigePlanner.Maak(Drenthe, Caseload);

    [Fact]
    public void The_greedy_drenthe_plan_keeps_every_rule() =>
        Assert.All(Planregels.Toets(Drenthe, Caseload, Geldig), u => Assert.True(u.Geslaagd, $"{u.Regel}: {string.Join("; ", u.Fouten)}"));

    public static TheoryData<string, string> Schendingen => new()
    {
        { "gezin gesplitst", Planregels.GezinBijElkaar },
        { "naar een volle ontvanger", Planregels.BinnenCapaciteit },
        { "boven de weeklimiet", Planregels.BinnenCapaciteit },
        { "rechtbank te vol", Planregels.RechtbankPerWeek },
        { "na de deadline", Planregels.DeadlineGehaald },
        { "lvb naar een ontvanger zonder contract", Planregels.OntvangerMagGezinNemen },
        { "maatregel twee keer", Planregels.ElkeMaatregelEenmaal },
    };

    [Theory]
    [MemberData(nameof(Schendingen))]
    public void Each_rule_broken_on_purpose_fails_that_rule(string schending, string regel)
    {
        var (scenario, plan) = Breek(schending);
        var gefaald = Planregels.Toets(scenario, Caseload, plan).Where(u => !u.Geslaagd).Select(u => u.Regel).ToList();
        Assert.Equal([regel], gefaald);
    }

    private static (Scenario, Plan) Breek(string schending)
    {
        var t = Geldig.Toewijzingen.ToList();
        var gezinVanTwee = t.GroupBy(x => x.GezinId).First(g => g.Count() == 2).ToList();
        Plan Met(List<Toewijzing> lijst) => Geldig with { Toewijzingen = lijst };
        switch (schending)
        {
            case "gezin gesplitst":
            {
                // The second measure moves a week on, at the same receiver, in a week where that receiver and the court have room.
                var x = gezinVanTwee[1];
                var week = Enumerable.Range(0, Geldig.AantalWeken).First(w => w != x.Week
                    && t.Count(y => y.Naar == x.Naar && y.Week == w) < Drenthe.Ontvangers.Single(o => o.GiCode == x.Naar).WekelijkseLimiet
                    && t.Count(y => y.Week == w) < Drenthe.RechtbankPerWeek);
                t[t.IndexOf(x)] = x with { Week = week };
                return (Drenthe, Met(t));
            }
            case "naar een volle ontvanger":
            {
                // A receiver whose room is one below what the plan gives it.
                var gi = t.GroupBy(x => x.Naar).First().Key;
                var o = Drenthe.Ontvangers.Single(x => x.GiCode == gi);
                var kleiner = Drenthe with { Ontvangers = Drenthe.Ontvangers.Select(x => x.GiCode == gi ? x with { VrijeCapaciteit = t.Count(y => y.Naar == gi) - 1 } : x).ToList() };
                return (kleiner, Geldig);
            }
            case "boven de weeklimiet":
            {
                var (gi, week) = t.GroupBy(x => (x.Naar, x.Week)).OrderByDescending(g => g.Count()).First().Key;
                var anders = Drenthe with { Ontvangers = Drenthe.Ontvangers.Select(x => x.GiCode == gi ? x with { WekelijkseLimiet = t.Count(y => y.Naar == gi && y.Week == week) - 1 } : x).ToList() };
                return (anders, Geldig);
            }
            case "rechtbank te vol":
                return (Drenthe with { RechtbankPerWeek = t.GroupBy(x => x.Week).Max(g => g.Count()) - 1 }, Geldig);
            case "na de deadline":
                foreach (var x in gezinVanTwee) t[t.IndexOf(x)] = x with { Week = Geldig.AantalWeken };
                return (Drenthe, Met(t));
            case "lvb naar een ontvanger zonder contract":
            {
                // An LVB family moved to the national GI for other doelgroepen, into a week with room there and at the court.
                var lvb = Caseload.First(m => m.Doelgroepen.Contains("lvb") && t.Count(x => x.GezinId == m.GezinId) == 1);
                var x = t.Single(y => y.GezinId == lvb.GezinId);
                var ljr = Drenthe.Ontvangers.Single(o => o.GiCode == "LJR");
                var anders = Drenthe with { Ontvangers = Drenthe.Ontvangers.Select(o => o.GiCode == "LJR" ? o with { VrijeCapaciteit = 1000, WekelijkseLimiet = 1000 } : o).ToList(), RechtbankPerWeek = 1000 };
                t[t.IndexOf(x)] = x with { Naar = ljr.GiCode };
                return (anders, Met(t));
            }
            case "maatregel twee keer":
            {
                var enkel = t.GroupBy(x => x.GezinId).First(g => g.Count() == 1).Single();
                var anders = Drenthe with { Ontvangers = Drenthe.Ontvangers.Select(o => o with { VrijeCapaciteit = 1000, WekelijkseLimiet = 1000 }).ToList(), RechtbankPerWeek = 1000 };
                t.Add(enkel);
                return (anders, Met(t));
            }
            default: throw new ArgumentOutOfRangeException(nameof(schending));
        }
    }
}
