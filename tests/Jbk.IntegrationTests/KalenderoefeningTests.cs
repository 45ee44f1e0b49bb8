using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Oefening.V1;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;
using Xunit.Abstractions;
using Scenario = Jbk.Overdracht.Scenarios.Scenario;

namespace Jbk.IntegrationTests;

/// <summary>
/// The Drenthe rehearsal in the calendar tempo on the embedded platform's rehearsal clock: weeks start on their dates,
/// the court decides so many measures a week, deadlines, court weeks and working days count in simulated days, and the
/// deadline watch ends lapsed measures. With the court as fast as planned every rule holds; with a court slower than the
/// plan assumed, the switches run past the deadline and the report, judging from the records, says so.
/// </summary>
public sealed class KalenderoefeningTests(ITestOutputHelper output)
{
    [Fact]
    public async Task In_calendar_tempo_every_rule_holds_with_the_planned_court_and_a_slower_court_misses_the_deadline()
    {
        await using var platform = await EmbeddedPlatform.StartAsync("jbk-kalender", new Dictionary<string, string>
        {
            ["Jbk__Oefenklok"] = "true",
            ["Maatregelregistratie__TermijnBewaking__Interval"] = "00:00:02",
        });
        var k = platform.Kanalen();
        var klok = new OefenklokService.OefenklokServiceClient(platform.Als(Organisatie.Operator));
        async Task<DateOnly> Vandaag() => DateOnly.FromDateTime((await klok.GeefKlokAsync(new GeefKlokRequest())).Nu.ToDateTime());

        // As planned: 60 of JBN's measures in Drenthe, the court deciding the plan's weekly batch.
        var start = await Vandaag();
        var drenthe = DrentheScenario.Scenario(start, 60 / 388.0);
        await Certificaatverlies.VerliesAsync(k, "JBN", start, verlengd: false);
        var gehaald = await VoerUitAsync(k, drenthe, 60, "drenthe", drenthe.RechtbankPerWeek);

        Assert.True(gehaald.AlleRegelsGehaald, string.Join(Environment.NewLine, gehaald.Regels.Where(r => !r.Geslaagd).Select(r => $"{r.Regel}: {r.Toelichting}")));
        Assert.True(gehaald.DeadlineGehaald);
        var weken = gehaald.Maatregelen.Where(m => m.OmgezetOp is not null).Select(m => (DateOnly.FromDateTime(m.OmgezetOp.ToDateTime()).DayNumber - start.DayNumber) / 7).Distinct().Count();
        Assert.True(weken > 1, $"the switches spread over the simulated weeks ({weken})");
        Assert.True(await Vandaag() > start.AddDays(7), "the rehearsal clock moved on");

        // Slower than planned: the plan for JBN's Groningen measures fits a four-week deadline at the plan's batch, but
        // the court decides one family a week; the report finds switches after the deadline.
        var tweede = await Vandaag();
        var groningen = drenthe with
        {
            Regios = ["groningen"], Start = tweede, Deadline = tweede.AddDays(28),
            Ontvangers = [.. drenthe.Ontvangers.Select(o => o.Soort == GiSoort.Regionaal ? o with { Regios = ["groningen"] } : o)],
        };
        var gemist = await VoerUitAsync(k, groningen, 24, "groningen", rechtbankPerWeek: 1);

        var deadline = gemist.Regels.Single(r => r.Regel == ScenarioRapport.DeadlineGehaald);
        Assert.False(deadline.Geslaagd);
        Assert.Contains("na de deadline", deadline.Toelichting);
        Assert.False(gemist.DeadlineGehaald);
        Assert.True(gemist.Regels.Single(r => r.Regel == ScenarioRapport.EenVerantwoordelijkeGi).Geslaagd);
        Assert.True(gemist.Regels.Single(r => r.Regel == ScenarioRapport.RechtbankPerWeek).Geslaagd);
    }

    /// <summary>Loads, plans (calendar tempo), approves and plays the chain partners on the rehearsal clock; the report.</summary>
    private async Task<Continuiteitsrapport> VoerUitAsync(Kanalen k, Scenario scenario, int aantal, string regio, int rechtbankPerWeek)
    {
        await SynthetischeCaseload.SluitContractenAsync(k, scenario.Ontvangers.Where(o => o.Soort == GiSoort.Regionaal).Select(o => o.GiCode), regio, scenario.Start);
        await SynthetischeCaseload.LaadAsync(k, scenario.VerzendendeGi, regio, DrentheScenario.Caseload(aantal, scenario.Start, seed: 11), scenario.Start,
            $"kalender:{regio}:{Guid.NewGuid()}", seed: 11);
        var id = Guid.NewGuid().ToString();
        var scenarios = k.Scenarios(Organisatie.Operator);
        var dryRun = (await scenarios.PlanScenarioAsync(ScenarioAanvragen.Van(Guid.Parse(id), scenario, ScenarioTempo.Kalender))).DryRun;
        Assert.Empty(dryRun.NietPlaatsbaar);
        Assert.True(dryRun.DeadlineGehaald, "the plan itself meets the deadline");
        await scenarios.KeurScenarioGoedAsync(new KeurScenarioGoedRequest { ScenarioId = id });

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var vorige = "";
        var voortgang = new Progress<ScenarioVoortgang>(v =>
        {
            var regel = $"week {v.GestarteWeek}/{v.AantalWeken}: {v.Voltooid} voltooid, {v.Omgezet} omgezet, {v.InBehandeling} in behandeling, {v.Gepland} gepland, "
                + $"{v.Beeindigd} beëindigd, {v.NietPlaatsbaar} niet plaatsbaar, {v.Vastgelopen} vast";
            if (regel != vorige) output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {regio} {regel}");
            vorige = regel;
        });
        var eind = await new Ketenpartners(k, kalender: new Kalenderoefening(rechtbankPerWeek)).DraaiAsync(id, voortgang, cts.Token);
        output.WriteLine($"{regio}: {eind.Voltooid} voltooid, {eind.Beeindigd} beëindigd vóór de omzetting, {eind.Weigeringen} weigeringen");
        return (await scenarios.GeefContinuiteitsrapportAsync(new GeefContinuiteitsrapportRequest { ScenarioId = id })).Rapport;
    }
}
