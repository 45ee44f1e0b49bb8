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
        // PlanScenario with each planner, median of 5: the greedy one shows what gathering costs; the optimal one what
        // the platform does by default.
        async Task<(double Mediaan, Plankwaliteit Kwaliteit)> PlanAsync(Overdracht.V1.Planmethode methode)
        {
            var tijden = new List<double>();
            Plankwaliteit kwaliteit = null!;
            for (var i = 0; i < 5; i++)
            {
                var request = ScenarioAanvragen.Van(Guid.NewGuid(), scenario, ScenarioTempo.Versneld);
                request.Planmethode = methode;
                var klok = Stopwatch.StartNew();
                var dryRun = (await scenarios.PlanScenarioAsync(request)).DryRun;
                tijden.Add(klok.Elapsed.TotalMilliseconds);
                if (dryRun.AantalMaatregelen != aantal) throw new InvalidOperationException($"the plan covers {dryRun.AantalMaatregelen} measures, not {aantal}.");
                kwaliteit = dryRun.Kwaliteit;
            }
            tijden.Sort();
            return (tijden[2], kwaliteit);
        }
        var (gretig, _) = await PlanAsync(Overdracht.V1.Planmethode.Gretig);
        var (optimaal, kwaliteit) = await PlanAsync(Overdracht.V1.Planmethode.Optimaal);
        Console.WriteLine($"  optimal on the platform: {kwaliteit.Toelichting}, gap {(kwaliteit.HasGap ? kwaliteit.Gap : double.NaN):P4}");

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
            new Meting($"PlanScenario {aantal} measures, greedy (median of 5)", gretig, "ms", planner[2], "greedy planner alone", "< 1000 ms for 388"),
            new Meting($"PlanScenario {aantal} measures, optimal (median of 5)", optimaal, "ms"),
            new Meting($"registrations through the API, one caller (embedded)", registraties, "/s"),
        ];
    }
}
