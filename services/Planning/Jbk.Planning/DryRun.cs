using Jbk.Contracts;

namespace Jbk.Planning;

public sealed record OntvangerRegel(string GiCode, int VrijVoor, int Ontvangen, int VrijNa, int? Plafond, int WekelijkseLimiet);

public sealed record WeekRegel(string Naar, int Week, DateOnly WeekVan, IReadOnlyDictionary<MaatregelType, int> PerType, int Totaal);

public sealed record RechtbankWeek(int Week, DateOnly WeekVan, int Aantal, int Maximum);

/// <summary>What a plan would do, before anything moves: per receiver and week, capacity before and after, the court's load.</summary>
public sealed record DryRunRapport(
    string VerzendendeGi, DateOnly Start, DateOnly Deadline, int AantalMaatregelen, int AantalGezinnen,
    IReadOnlyList<OntvangerRegel> Ontvangers, IReadOnlyList<WeekRegel> Weken, IReadOnlyList<RechtbankWeek> Rechtbank,
    IReadOnlyList<NietPlaatsbaar> NietPlaatsbaar, bool DeadlineGehaald, DateOnly? LaatsteOmzetweek, int Wisselingen, int GemarkeerdeTermijnen);

public static class DryRun
{
    public static DryRunRapport Maak(Scenario scenario, Plan plan, IReadOnlyList<TePlaatsen> maatregelen)
    {
        DateOnly WeekVan(int w) => scenario.Start.AddDays(7 * w);
        var ontvangers = scenario.Ontvangers.OrderBy(o => o.GiCode, StringComparer.Ordinal).Select(o =>
        {
            var ontvangen = plan.Toewijzingen.Count(t => t.Naar == o.GiCode);
            return new OntvangerRegel(o.GiCode, o.VrijeCapaciteit, ontvangen, o.VrijeCapaciteit - ontvangen, o.Plafond, o.WekelijkseLimiet);
        }).ToList();
        var weken = plan.Toewijzingen.GroupBy(t => (t.Naar, t.Week)).OrderBy(g => g.Key.Week).ThenBy(g => g.Key.Naar, StringComparer.Ordinal)
            .Select(g => new WeekRegel(g.Key.Naar, g.Key.Week, WeekVan(g.Key.Week),
                g.GroupBy(t => t.Type).OrderBy(x => x.Key).ToDictionary(x => x.Key, x => x.Count()), g.Count())).ToList();
        var rechtbank = Enumerable.Range(0, plan.AantalWeken)
            .Select(w => new RechtbankWeek(w, WeekVan(w), plan.Toewijzingen.Count(t => t.Week == w), scenario.RechtbankPerWeek))
            .Where(r => r.Aantal > 0).ToList();
        return new DryRunRapport(scenario.VerzendendeGi, scenario.Start, scenario.Deadline, maatregelen.Count, maatregelen.Select(m => m.GezinId).Distinct().Count(),
            ontvangers, weken, rechtbank, plan.NietPlaatsbaar, plan.DeadlineGehaald,
            plan.Toewijzingen.Count == 0 ? null : WeekVan(plan.Toewijzingen.Max(t => t.Week)), plan.Wisselingen, plan.Toewijzingen.Count(t => t.TermijnGemarkeerd));
    }
}
