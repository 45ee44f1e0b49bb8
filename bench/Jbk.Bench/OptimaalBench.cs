using Jbk.Planning;
using Jbk.Simulatie;

namespace Jbk.Bench;

/// <summary>
/// The optimal planner on the synthetic Drenthe caseload and at national scale: time to the plan, the gap to the
/// solver's bound, whether every hard rule holds, and the optimal plan beside the greedy one term by term.
/// </summary>
public static class OptimaalBench
{
    /// <param name="aantallen">Caseload sizes, each with the seed of its synthetic caseload (2024: the rehearsal's own).</param>
    public static IEnumerable<Meting> Meet(IReadOnlyList<(int Aantal, int Seed)> aantallen, PlannerOpties opties)
    {
        var start = new DateOnly(2025, 1, 6);
        // One small solve first, so the native solver's loading is not in the first figure (as the greedy bench warms up).
        OptimalePlanner.Maak(DrentheScenario.Scenario(start, 20 / 388.0), DrentheScenario.Caseload(20, start), opties);
        foreach (var (aantal, seed) in aantallen)
        {
            var caseload = DrentheScenario.Caseload(aantal, start, seed);
            var scenario = DrentheScenario.Scenario(start, schaal: aantal / 388.0);
            var gretig = Plandoel.Score(scenario, GretigePlanner.Maak(scenario, caseload), opties.Gewichten);
            var uitkomst = OptimalePlanner.Maak(scenario, caseload, opties);
            var o = uitkomst.Doelwaarde;
            var gebroken = Planregels.Toets(scenario, caseload, uitkomst.Plan).Where(r => !r.Geslaagd).Select(r => r.Regel).ToList();
            var meegaand = caseload.Count(m => m.JeugdbeschermerId is { } j && scenario.MeegaandeMedewerkers.Any(x => x.JeugdbeschermerId == j));
            Console.WriteLine($"  {aantal} measures (seed {seed}): {uitkomst.Methode} ({uitkomst.Toelichting}), status {uitkomst.Status}, score {o.Totaal:N0}, bound {uitkomst.Grens:N0}, "
                + $"gap {uitkomst.Gap:P4} ({uitkomst.GapPunten:N0} points), hard rules {(gebroken.Count == 0 ? "all kept" : "BROKEN: " + string.Join(", ", gebroken))}");
            Console.WriteLine($"  {"",8}{"placed",9}{"followed",10}{"changes",9}{"deadline<",10}{"reserve",9}{"regional",10}{"fill",10}{"score",16}");
            foreach (var (naam, d) in new[] { ("greedy", gretig), ("optimal", o) })
                Console.WriteLine($"  {naam,8}{d.Geplaatst,9}{d.JeugdbeschermerGevolgd,10}{d.Wisselingen,9}{d.TermijnVoorOmzetting,10}{d.UitReserve,9}{d.Regionaal,10}{d.BovenBalansdrempels,10}{d.Totaal,16:N0}");
            Console.WriteLine($"  measures of workers who move: {meegaand}; followed greedy {gretig.JeugdbeschermerGevolgd}, optimal {o.JeugdbeschermerGevolgd}");
            var figuur = $"optimal planner {aantal} (seed {seed})";
            yield return new Meting(figuur, uitkomst.Duur.TotalSeconds, "s", Doel: aantal <= 388 ? "gap 0 in < 2 s" : "gap <= 1 % in < 30 s");
            yield return new Meting($"{figuur} gap", (uitkomst.Gap ?? double.NaN) * 100, "%");
            yield return new Meting($"{figuur} changes of case worker", o.Wisselingen, "measures", gretig.Wisselingen, "greedy plan");
        }
    }
}
