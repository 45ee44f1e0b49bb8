namespace Jbk.Planning;

/// <summary>
/// The weights of the optimal planner's objective (points, maximised). Placing a measure outweighs everything else
/// together, so no preference ever leaves a family unplaced that could be placed; below that, in the default order:
/// the re-planning reserve left free (used only to place what would otherwise stay unplaced), a family keeps its case
/// worker who moves (each measure that does not is a change of case worker), no legal deadline before the week of its
/// switch (outweighing regional and balance together), regional before national, the receivers equally full, and
/// earlier weeks before later ones. Configurable (<c>Overdracht:Planner:Gewichten</c>).
/// </summary>
public sealed record PlanGewichten
{
    /// <summary>Per measure placed.</summary>
    public long Plaatsen { get; init; } = 100_000;
    /// <summary>Per measure that goes along with its case worker to the GI the worker moves to.</summary>
    public long JeugdbeschermerVolgen { get; init; } = 1_000;
    /// <summary>Subtracted per measure of a family whose first legal deadline falls before the end of its week: the family
    /// moves together, so its earliest deadline sets how early it should go.</summary>
    public long TermijnVoorOmzetting { get; init; } = 500;
    /// <summary>Subtracted per measure placed in a receiver's re-planning reserve (first plan only). Above every other
    /// preference of a dozen measures together: like the greedy planner, the first plan uses the reserve to place a family
    /// that would otherwise stay unplaced, not to follow a worker or to be regional (an end-to-end rehearsal with a
    /// refusal found no room left to plan the refused family again when it was cheaper).</summary>
    public long UitReserve { get; init; } = 20_000;
    /// <summary>Per measure placed at a regional GI.</summary>
    public long Regionaal { get; init; } = 100;
    /// <summary>Subtracted per measure above half, 70 % and 85 % of a receiver's room (each step counts again).</summary>
    public long Balans { get; init; } = 20;
    /// <summary>Subtracted per measure per week after the first.</summary>
    public long Week { get; init; } = 1;

    public static PlanGewichten Standaard { get; } = new();
}

/// <summary>What a plan scores on each term of the objective, and the total.</summary>
public sealed record Doelwaarde(
    int Geplaatst, int JeugdbeschermerGevolgd, int Wisselingen, int TermijnVoorOmzetting, int UitReserve, int Regionaal,
    int BovenBalansdrempels, long WeekSom, long Totaal);

/// <summary>
/// Scores any plan (greedy or optimal) on the optimal planner's objective, so both can be compared term by term; the
/// solver's own objective value must equal this score for its plan (a test holds the two equal).
/// </summary>
public static class Plandoel
{
    /// <summary>The loads above which a receiver fills up: half, 70 % and 85 % of its room.</summary>
    public static int[] Balansdrempels(Ontvanger o) => [o.Ruimte * 50 / 100, o.Ruimte * 70 / 100, o.Ruimte * 85 / 100];

    public static Doelwaarde Score(Scenario scenario, Plan plan, PlanGewichten g, Voorbezetting? voor = null)
    {
        var t = plan.Toewijzingen;
        var soort = scenario.Ontvangers.ToDictionary(o => o.GiCode, o => o.Soort);
        var geplaatst = t.Count;
        var gevolgd = t.Count(x => x.VolgtJeugdbeschermer);
        var gemarkeerd = t.GroupBy(x => x.GezinId).Where(f => f.Any(x => x.TermijnGemarkeerd)).Sum(f => f.Count());
        var regionaal = t.Count(x => soort.GetValueOrDefault(x.Naar) == Jbk.Contracts.GiSoort.Regionaal);
        var weekSom = t.Sum(x => (long)x.Week);
        var uitReserve = 0;
        var boven = 0;
        foreach (var o in scenario.Ontvangers)
        {
            var bezet = (voor?.Totaal.GetValueOrDefault(o.GiCode) ?? 0) + t.Count(x => x.Naar == o.GiCode);
            if (voor is null) uitReserve += Math.Max(0, bezet - (o.Ruimte - o.Reserve(scenario.Herplanreserve)));
            boven += Balansdrempels(o).Sum(d => Math.Max(0, bezet - d));
        }
        var totaal = g.Plaatsen * geplaatst + g.JeugdbeschermerVolgen * gevolgd - g.TermijnVoorOmzetting * gemarkeerd
            - g.UitReserve * uitReserve + g.Regionaal * regionaal - g.Balans * boven - g.Week * weekSom;
        return new Doelwaarde(geplaatst, gevolgd, geplaatst - gevolgd, gemarkeerd, uitReserve, regionaal, boven, weekSom, totaal);
    }
}
