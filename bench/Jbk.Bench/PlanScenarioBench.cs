using Jbk.Planning;
using System.Diagnostics;
using Jbk.BuildingBlocks.Security;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;

namespace Jbk.Bench;

/// <summary>
/// PlanScenario on the embedded platform for the synthetic Drenthe caseload: gathering the caseload, capacity and
/// certificates from the services plus the planner. The limit it is compared with is the planner alone on the same input.
/// </summary>
public static class PlanScenarioBench
{
    public static async Task<IReadOnlyList<Meting>> MeetAsync(Embedded platform, int aantal)
    {
        var k = platform.Kanalen();
        var start = DateOnly.FromDateTime(DateTime.UtcNow);
        var scenario = DrentheScenario.Scenario(start, aantal / 388.0);
        var caseload = DrentheScenario.Caseload(aantal, start);
        var laden = Stopwatch.StartNew();
        await SynthetischeCaseload.SluitContractenAsync(k, scenario.Ontvangers.Where(o => o.Soort == Contracts.GiSoort.Regionaal).Select(o => o.GiCode), "drenthe", start);
        await SynthetischeCaseload.LaadAsync(k, scenario.VerzendendeGi, "drenthe", caseload, start, $"bench:{Guid.NewGuid()}");
        await Ketenstand.LaadAsync(k, aantal / 388.0, Ketenstand.Peildatum(start));
        await Certificaatverlies.VerliesAsync(k, scenario.VerzendendeGi, start, verlengd: false);
        var registraties = aantal / laden.Elapsed.TotalSeconds;
        Console.WriteLine($"  loaded {aantal} measures through the API in {laden.Elapsed.TotalSeconds:0.0} s");

        var scenarios = k.Scenarios(Organisatie.Operator);
        var tijden = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var klok = Stopwatch.StartNew();
            var dryRun = (await scenarios.PlanScenarioAsync(ScenarioAanvragen.Van(Guid.NewGuid(), scenario, ScenarioTempo.Versneld))).DryRun;
            tijden.Add(klok.Elapsed.TotalMilliseconds);
            if (dryRun.AantalMaatregelen != aantal) throw new InvalidOperationException($"the plan covers {dryRun.AantalMaatregelen} measures, not {aantal}.");
        }
        tijden.Sort();

        // The limit: the planner alone on the same input, warmed up and measured the same way (median of 5).
        GretigePlanner.Maak(scenario, caseload);
        var planner = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var klok = Stopwatch.StartNew();
            GretigePlanner.Maak(scenario, caseload);
            planner.Add(klok.Elapsed.TotalMilliseconds);
        }
        planner.Sort();
        return
        [
            new Meting($"PlanScenario {aantal} measures on the platform (median of 5)", tijden[2], "ms", planner[2], "planner alone", "< 1000 ms for 388"),
            new Meting($"registrations through the API, one caller (embedded)", registraties, "/s"),
        ];
    }
}
