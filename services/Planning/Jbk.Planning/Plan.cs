using Jbk.Contracts;

namespace Jbk.Planning;

public sealed record Toewijzing(Guid MaatregelId, Guid GezinId, MaatregelType Type, string Naar, int Week, bool VolgtJeugdbeschermer, bool TermijnGemarkeerd)
{
    /// <summary>A measure to a receiver in a week: it keeps its worker when the worker moves there; flagged when its first deadline falls before the week ends.</summary>
    public static Toewijzing Van(TePlaatsen m, string naar, int week, Scenario scenario, IReadOnlyDictionary<string, string> meegaand) =>
        new(m.MaatregelId, m.GezinId, m.Type, naar, week,
            VolgtJeugdbeschermer: m.JeugdbeschermerId is { } j && meegaand.GetValueOrDefault(j) == naar,
            TermijnGemarkeerd: scenario.Laat(m.EersteTermijn, week));
}

public sealed record NietPlaatsbaar(Guid MaatregelId, Guid GezinId, MaatregelType Type, string Reden);

/// <summary>
/// What earlier placements already hold, for planning again after a refusal: totals and weekly counts per receiver,
/// the court's weekly load, the first week still open, and the receivers that refused this family.
/// </summary>
public sealed record Voorbezetting(
    IReadOnlyDictionary<string, int> Totaal, IReadOnlyDictionary<string, int[]> PerWeek, int[] Rechtbank, int VanafWeek, IReadOnlySet<string> Uitgesloten)
{
    public static Voorbezetting Van(Scenario scenario, IEnumerable<Toewijzing> geplaatst, int vanafWeek, IReadOnlySet<string> uitgesloten)
    {
        var lijst = geplaatst.ToList();
        var weken = scenario.AantalWeken;
        return new(
            scenario.Ontvangers.ToDictionary(o => o.GiCode, o => lijst.Count(t => t.Naar == o.GiCode)),
            scenario.Ontvangers.ToDictionary(o => o.GiCode, o => Enumerable.Range(0, weken).Select(w => lijst.Count(t => t.Naar == o.GiCode && t.Week == w)).ToArray()),
            Enumerable.Range(0, weken).Select(w => lijst.Count(t => t.Week == w)).ToArray(),
            vanafWeek, uitgesloten);
    }
}

public sealed record Plan(IReadOnlyList<Toewijzing> Toewijzingen, IReadOnlyList<NietPlaatsbaar> NietPlaatsbaar, int AantalWeken)
{
    public bool DeadlineGehaald => NietPlaatsbaar.Count == 0 && Toewijzingen.All(t => t.Week < AantalWeken);
    public int Wisselingen => Toewijzingen.Count(t => !t.VolgtJeugdbeschermer);
}
