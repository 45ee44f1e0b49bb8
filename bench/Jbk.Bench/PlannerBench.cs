using Jbk.Planning;
using Jbk.Simulatie;
using System.Diagnostics;

namespace Jbk.Bench;

/// <summary>The transfer planner alone, on the synthetic Drenthe caseload and at national scale: median of 7 runs after 2 warm-ups.</summary>
public static class PlannerBench
{
    public static IEnumerable<Meting> Meet(IReadOnlyList<int> aantallen)
    {
        var start = new DateOnly(2025, 1, 6);
        foreach (var aantal in aantallen)
        {
            var caseload = DrentheScenario.Caseload(aantal, start);
            var scenario = DrentheScenario.Scenario(start, schaal: aantal / 388.0);
            for (var i = 0; i < 2; i++) GretigePlanner.Maak(scenario, caseload);
            var tijden = new List<double>();
            Plan plan = null!;
            long gealloceerd = 0;
            for (var i = 0; i < 7; i++)
            {
                var voor = GC.GetAllocatedBytesForCurrentThread();
                var klok = Stopwatch.StartNew();
                plan = GretigePlanner.Maak(scenario, caseload);
                tijden.Add(klok.Elapsed.TotalMilliseconds);
                gealloceerd = GC.GetAllocatedBytesForCurrentThread() - voor;
            }
            tijden.Sort();
            Console.WriteLine($"  {aantal} measures: {plan.Toewijzingen.Count} placed, {plan.NietPlaatsbaar.Count} not placeable, deadline {(plan.DeadlineGehaald ? "met" : "NOT met")}");
            yield return new Meting($"planner {aantal} measures (median)", tijden[3], "ms");
            yield return new Meting($"planner {aantal} measures allocated", gealloceerd / 1024.0 / 1024.0, "MiB");
        }
    }
}
