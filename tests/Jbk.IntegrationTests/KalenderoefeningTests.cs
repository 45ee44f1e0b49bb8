using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Oefening.V1;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;
using Xunit.Abstractions;
using Scenario = Jbk.Planning.Scenario;

namespace Jbk.IntegrationTests;

/// <summary>
/// The Drenthe rehearsal in the calendar tempo on the embedded platform's rehearsal clock: weeks start on their dates,
/// the court decides so many measures a week, deadlines, court weeks and working days count in simulated days, and the
/// deadline watch ends lapsed measures. With the court as fast as planned every rule holds; with a court slower than the
/// plan assumed, the switches run past the deadline and the report, judging from the records, says so. A family moved
/// again behind the scenario's back afterwards is named by the report, under the one rule it breaks. The receivers'
/// room is what capaciteit computes from the staffing and caseload they report, not a ceiling of the scenario: when
/// their next reports count more cases than their staff can carry, a plan lists every family it cannot place, and why.
/// </summary>
public sealed class KalenderoefeningTests(ITestOutputHelper output)
{
    [Fact]
    public async Task In_calendar_tempo_every_rule_holds_with_the_planned_court_a_slower_court_misses_the_deadline_and_full_receivers_place_nobody()
    {
        await using var platform = await EmbeddedPlatform.StartAsync("jbk-kalender", new Dictionary<string, string>
        {
            ["Jbk__Oefenklok"] = "true",
            ["Maatregelregistratie__TermijnBewaking__Interval"] = "00:00:02",
        });
        var k = platform.Kanalen();
        var klok = new OefenklokService.OefenklokServiceClient(platform.Als(Organisatie.Operator));
        async Task<DateOnly> Vandaag() => DateOnly.FromDateTime((await klok.GeefKlokAsync(new GeefKlokRequest())).Nu.ToDateTime());

        // The receivers report their staffing and monthly caseload, sized for the 84 measures of both runs below.
        var start = await Vandaag();
        const double schaal = 100 / 388.0;
        await Ketenstand.LaadAsync(k, schaal, Ketenstand.Peildatum(start));

        // As planned: 60 of JBN's measures in Drenthe, the court deciding the plan's weekly batch.
        var drenthe = DrentheScenario.Scenario(start, 60 / 388.0);
        await Certificaatverlies.VerliesAsync(k, "JBN", start, verlengd: false);
        var gehaald = await VoerUitAsync(k, drenthe, 60, "drenthe", drenthe.RechtbankPerWeek);

        Assert.True(gehaald.AlleRegelsGehaald, string.Join(Environment.NewLine, gehaald.Regels.Where(r => !r.Geslaagd).Select(r => $"{r.Regel}: {r.Toelichting}")));
        Assert.True(gehaald.DeadlineGehaald);
        var weken = gehaald.Maatregelen.Where(m => m.OmgezetOp is not null).Select(m => (DateOnly.FromDateTime(m.OmgezetOp.ToDateTime()).DayNumber - start.DayNumber) / 7).Distinct().Count();
        Assert.True(weken > 1, $"the switches spread over the simulated weeks ({weken})");
        Assert.True(await Vandaag() > start.AddDays(7), "the rehearsal clock moved on");

        // Each receiver reads its handovers of the scenario page by page, compact: together exactly the switched measures.
        var perOntvanger = new List<Overdracht.V1.Overdracht>();
        foreach (var gi in drenthe.Ontvangers.Select(o => o.GiCode))
            perOntvanger.AddRange(await Overdrachtpagina.AllesAsync(k.Overdrachten(Organisatie.Gi(gi)), new ZoekOverdrachtenRequest
            {
                GiCode = gi, ScenarioId = gehaald.ScenarioId, Rol = OverdrachtRol.Ontvangend, Statussen = { OverdrachtStatus.Voltooid }, Compact = true, PageSize = 4,
            }));
        // (A measure that ended by law before its week came has no handover.)
        Assert.Equal(gehaald.Maatregelen.Where(m => m.OmgezetOp is not null).Select(m => m.MaatregelId).Order(), perOntvanger.SelectMany(o => o.MaatregelIds).Order());
        Assert.All(perOntvanger, o => Assert.Empty(o.Historie));

        // Behind the scenario's back, in the system of record: one family moved again, outside any handover of the
        // scenario. The report, asked again, names exactly that.
        var gezin = gehaald.Maatregelen.GroupBy(m => m.GezinId)
            .First(g => g.All(m => m.VerantwoordelijkNu.Count == 1 && m.VerantwoordelijkNu[0] is "JBO" or "JBF" && m.VerantwoordelijkNu[0] == g.First().VerantwoordelijkNu[0]));
        var naar = gezin.First().VerantwoordelijkNu[0] == "JBO" ? "JBF" : "JBO";
        var nu = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime((await klok.GeefKlokAsync(new GeefKlokRequest())).Nu.ToDateTime());
        var buitenom = Guid.NewGuid().ToString();
        foreach (var m in gezin)
            await k.Maatregelen(Organisatie.Dienst("overdracht")).DraagVerantwoordelijkheidOverAsync(new Maatregelen.V1.DraagVerantwoordelijkheidOverRequest
            {
                MaatregelId = m.MaatregelId, VanGi = m.VerantwoordelijkNu[0], NaarGi = naar, Op = nu, OverdrachtId = buitenom,
            });
        var nagemeten = (await k.Scenarios(Organisatie.Operator).GeefContinuiteitsrapportAsync(new GeefContinuiteitsrapportRequest { ScenarioId = gehaald.ScenarioId })).Rapport;
        var gebroken = nagemeten.Regels.Where(r => !r.Geslaagd).ToList();
        Assert.Equal([ScenarioRapport.EenVerantwoordelijkeGi], gebroken.Select(r => r.Regel).ToArray());
        Assert.All(gezin, m => Assert.Contains(m.MaatregelId, gebroken[0].Toelichting));
        Assert.Contains("buiten het scenario om", gebroken[0].Toelichting);

        // Slower than planned: JB Gelderland loses its certificate now; the plan for its measures fits a four-week
        // deadline at the plan's batch, but the court decides one family a week; the report finds switches after the deadline.
        var tweede = await Vandaag();
        await Certificaatverlies.VerliesAsync(k, "JBG", tweede, verlengd: false);
        var gelderland = drenthe with
        {
            VerzendendeGi = "JBG", Regios = ["gelderland"], Start = tweede, Deadline = tweede.AddDays(28), MeegaandeMedewerkers = [],
            Ontvangers = [.. drenthe.Ontvangers.Select(o => o.Soort == GiSoort.Regionaal ? o with { Regios = ["gelderland"] } : o)],
        };
        var gemist = await VoerUitAsync(k, gelderland, 24, "gelderland", rechtbankPerWeek: 1);

        var deadline = gemist.Regels.Single(r => r.Regel == ScenarioRapport.DeadlineGehaald);
        Assert.False(deadline.Geslaagd);
        Assert.Contains("na de deadline", deadline.Toelichting);
        Assert.False(gemist.DeadlineGehaald);
        Assert.True(gemist.Regels.Single(r => r.Regel == ScenarioRapport.EenVerantwoordelijkeGi).Geslaagd);
        Assert.True(gemist.Regels.Single(r => r.Regel == ScenarioRapport.RechtbankPerWeek).Geslaagd);

        // Too little capacity: the receivers' next reports count twice the caseload their staff carry. Limburg's GI loses its
        // certificate; the plan for its twelve measures places no family and says per receiver that it is full.
        var derde = await Vandaag();
        var vol = Ketenstand.Drenthe.Select(r => r with { Caseload = [.. r.Caseload.Select(c => (c.Regio, c.Type, c.Aantal * 2))] }).ToList();
        await Ketenstand.LaadAsync(k, schaal, Ketenstand.Peildatum(derde), vol);
        await Certificaatverlies.VerliesAsync(k, "BJZL", derde, verlengd: false);
        var limburg = drenthe with
        {
            VerzendendeGi = "BJZL", Regios = ["limburg"], Start = derde, Deadline = derde.AddMonths(6), MeegaandeMedewerkers = [],
            Ontvangers = [.. drenthe.Ontvangers.Select(o => o.Soort == GiSoort.Regionaal ? o with { Regios = ["limburg"] } : o)],
        };
        var (_, geenRuimte) = await PlanAsync(k, limburg, 12, "limburg");
        Assert.Equal(12, geenRuimte.NietPlaatsbaar.Count);
        Assert.All(geenRuimte.NietPlaatsbaar, n => Assert.Contains("vol (nog", n.Reden));
        Assert.All(geenRuimte.Ontvangers, o => Assert.Equal(0, o.Ontvangen));
    }

    /// <summary>Contracts for the regional receivers, the sender's caseload in the region, and the plan (calendar tempo).</summary>
    private static async Task<(string Id, Overdracht.V1.DryRun DryRun)> PlanAsync(Kanalen k, Scenario scenario, int aantal, string regio)
    {
        await SynthetischeCaseload.SluitContractenAsync(k, scenario.Ontvangers.Where(o => o.Soort == GiSoort.Regionaal).Select(o => o.GiCode), regio, scenario.Start);
        await SynthetischeCaseload.LaadAsync(k, scenario.VerzendendeGi, regio, DrentheScenario.Caseload(aantal, scenario.Start, seed: 11), scenario.Start,
            $"kalender:{regio}:{Guid.NewGuid()}", seed: 11);
        var id = Guid.NewGuid().ToString();
        return (id, (await k.Scenarios(Organisatie.Operator).PlanScenarioAsync(ScenarioAanvragen.Van(Guid.Parse(id), scenario, ScenarioTempo.Kalender))).DryRun);
    }

    /// <summary>Loads, plans (calendar tempo), approves and plays the chain partners on the rehearsal clock; the report.</summary>
    private async Task<Continuiteitsrapport> VoerUitAsync(Kanalen k, Scenario scenario, int aantal, string regio, int rechtbankPerWeek)
    {
        var (id, dryRun) = await PlanAsync(k, scenario, aantal, regio);
        var scenarios = k.Scenarios(Organisatie.Operator);
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
