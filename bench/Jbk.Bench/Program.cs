using System.Diagnostics;
using Jbk.Overdracht.Scenarios;

// Times the transfer planner on the synthetic Drenthe caseload (388 measures) and on the national scale (32,000),
// with the receivers' capacities scaled alike. Prints the median of several runs after a warm-up, and the memory
// allocated by one run.
var start = new DateOnly(2025, 1, 6);
Console.WriteLine("planner benchmark (median of 7 runs after 2 warm-ups)");
foreach (var aantal in new[] { 388, 32_000 })
{
    var caseload = DrentheScenario.Caseload(aantal, start);
    var scenario = DrentheScenario.Scenario(start, schaal: aantal / 388.0);
    for (var i = 0; i < 2; i++) Planner.Maak(scenario, caseload);
    var tijden = new List<double>();
    Plan plan = null!;
    long gealloceerd = 0;
    for (var i = 0; i < 7; i++)
    {
        var voor = GC.GetAllocatedBytesForCurrentThread();
        var klok = Stopwatch.StartNew();
        plan = Planner.Maak(scenario, caseload);
        tijden.Add(klok.Elapsed.TotalMilliseconds);
        gealloceerd = GC.GetAllocatedBytesForCurrentThread() - voor;
    }
    tijden.Sort();
    Console.WriteLine($"{aantal,7} measures: {tijden[3],9:0.0} ms median ({tijden[0]:0.0}-{tijden[^1]:0.0}), {gealloceerd / 1024.0 / 1024.0:0.0} MiB allocated; "
        + $"{plan.Toewijzingen.Count} placed, {plan.NietPlaatsbaar.Count} not placeable, deadline {(plan.DeadlineGehaald ? "met" : "NOT met")}");
}
