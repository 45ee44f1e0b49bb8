using Jbk.Maatregelen.V1;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;
using Xunit.Abstractions;
using Scenario = Jbk.Planning.Scenario;

namespace Jbk.IntegrationTests;

/// <summary>
/// The Drenthe scenario (scaled to 100 measures) across the four service processes, RabbitMQ and PostgreSQL: the same synthetic caseload twice under
/// other ids, once uninterrupted and once with the overdracht process killed during execution. Both end with every
/// measure at exactly one GI, every rule held, the deadline met, and the same report.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ScenarioTests(DistributedPlatform platform, ITestOutputHelper output)
{
    private const string Regio = "groningen"; // no other test sends JBN measures from here
    private const int Aantal = 100;
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_Drenthe_scenario_ends_with_one_GI_per_measure_and_the_same_report_when_overdracht_is_killed_halfway()
    {
        var k = Kanalen();
        await SynthetischeCaseload.SluitContractenAsync(k, ["JBF", "JBO"], Regio, Start);

        var ongestoord = await VoerUitAsync(k, "ongestoord", onderbreek: false);
        var onderbroken = await VoerUitAsync(k, "onderbroken", onderbreek: true);

        foreach (var rapport in new[] { ongestoord, onderbroken })
        {
            Assert.True(rapport.Afgerond);
            Assert.True(rapport.AlleRegelsGehaald, string.Join(Environment.NewLine, rapport.Regels.Where(r => !r.Geslaagd).Select(r => $"{r.Regel}: {r.Toelichting}")));
            Assert.True(rapport.DeadlineGehaald);
            Assert.Equal(Aantal, rapport.Maatregelen.Count);
            Assert.All(rapport.Maatregelen, m =>
            {
                Assert.Equal("JBN", m.OudeGi);
                Assert.Equal([m.NieuweGi], m.VerantwoordelijkNu.ToArray());
                Assert.True(m.VasteJeugdbeschermer);
            });
            Assert.Contains(rapport.Regels, r => r.Regel == ScenarioRapport.EenVerantwoordelijkeGi && r.Geslaagd);
        }
        // The whole family moves together, to more than one receiver, and the moving worker's caseload follows them.
        Assert.True(ongestoord.Maatregelen.Select(m => m.NieuweGi).Distinct().Count() > 1);
        Assert.Contains(ongestoord.Maatregelen, m => m.VolgtJeugdbeschermer && m.NieuweGi == "JBO");
        if (Vergelijkbaar(ongestoord) != Vergelijkbaar(onderbroken))
        {
            // What differs, and every handover of both scenarios: a mismatch tells what happened, not just where.
            var (a, b) = (Vergelijkbaar(ongestoord).Split(Environment.NewLine), Vergelijkbaar(onderbroken).Split(Environment.NewLine));
            output.WriteLine("alleen ongestoord:" + Environment.NewLine + string.Join(Environment.NewLine, a.Except(b)));
            output.WriteLine("alleen onderbroken:" + Environment.NewLine + string.Join(Environment.NewLine, b.Except(a)));
            foreach (var r in new[] { ongestoord, onderbroken })
                output.WriteLine(Beschrijf(r, await OverdrachtenAsync(k, r.ScenarioId)));
        }
        Assert.Equal(Vergelijkbaar(ongestoord), Vergelijkbaar(onderbroken));

        // A receiver reads its completed handovers of one scenario page by page, compact: each once, none missing, no history.
        var jbo = await Overdrachtpagina.AllesAsync(k.Overdrachten(Organisatie.Gi("JBO")), new ZoekOverdrachtenRequest
        {
            GiCode = "JBO", ScenarioId = ongestoord.ScenarioId, Rol = OverdrachtRol.Ontvangend, Statussen = { Overdracht.V1.OverdrachtStatus.Voltooid },
            Compact = true, PageSize = 3,
        });
        Assert.Equal(ongestoord.Maatregelen.Where(m => m.NieuweGi == "JBO").Select(m => m.MaatregelId).Order(), jbo.SelectMany(o => o.MaatregelIds).Order());
        Assert.Equal(jbo.Count, jbo.Select(o => o.Id).Distinct().Count());
        Assert.All(jbo, o => { Assert.Empty(o.Historie); Assert.Equal("JBO", o.OntvangendeGi); });

        // One definition of "without vaste jeugdbeschermer": capaciteit's figure per GI is maatregelregistratie's count.
        foreach (var gi in new[] { "JBN", "JBF", "JBO" })
        {
            var (capaciteit, register) = (0, -1);
            await Eventually.HoldsAsync(async () =>
            {
                capaciteit = (await k.CapaciteitClient(Organisatie.Operator).GeefCapaciteitsoverzichtAsync(new Capaciteit.V1.GeefCapaciteitsoverzichtRequest()))
                    .Gis.Single(g => g.GiCode == gi).ZonderVasteJeugdbeschermer;
                register = (await k.Maatregelen(Organisatie.Operator).GeefTellingenAsync(new GeefTellingenRequest { GiCode = gi })).Tellingen
                    .Sum(t => t.ZonderVasteJeugdbeschermer);
                return capaciteit == register;
            }, $"capaciteit and maatregelregistratie agree on {gi}'s measures without vaste jeugdbeschermer", TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task Planning_asks_an_operator_and_names_the_wrong_field()
    {
        var request = ScenarioAanvragen.Van(Guid.NewGuid(), Definitie(), ScenarioTempo.Versneld);
        var gi = await Assert.ThrowsAsync<RpcException>(() => Kanalen().Scenarios(Organisatie.Gi("JBN")).PlanScenarioAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, gi.StatusCode);

        request.Deadline = Start.AddDays(-1).ToProto();
        var fout = await Assert.ThrowsAsync<RpcException>(() => Kanalen().Scenarios(Organisatie.Operator).PlanScenarioAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, fout.StatusCode);
        Assert.Contains("deadline", fout.Status.Detail);
    }

    [Fact]
    public async Task The_deadline_is_the_end_of_the_senders_beeindigingscertificaat_and_no_plan_reaches_past_it()
    {
        // Far in the future and a GI no other test sends from: no other test sees this wind-down.
        var toekenning = new DateOnly(2040, 1, 2);
        var start = new DateOnly(2040, 1, 8);
        var capaciteit = Kanalen().CapaciteitClient(Organisatie.Operator);
        var certificaat = (await capaciteit.RegistreerCertificaatAsync(new Capaciteit.V1.RegistreerCertificaatRequest
        {
            GiCode = "BJZL", Soort = Capaciteit.V1.CertificaatSoort.Beeindiging, Van = toekenning.ToProto(),
        })).Certificaat;
        var scenarios = Kanalen().Scenarios(Organisatie.Operator);
        PlanScenarioRequest Aanvraag(DateOnly? deadline)
        {
            var r = ScenarioAanvragen.Van(Guid.NewGuid(), DrentheScenario.Scenario(start) with { VerzendendeGi = "BJZL", Regios = ["limburg"], MeegaandeMedewerkers = [] }, ScenarioTempo.Versneld);
            r.Deadline = deadline?.ToProto();
            return r;
        }

        var zonder = (await scenarios.PlanScenarioAsync(Aanvraag(null))).DryRun;
        Assert.Equal(toekenning.AddMonths(6), zonder.Deadline.ToDateOnly());

        var teLaat = await Assert.ThrowsAsync<RpcException>(() => scenarios.PlanScenarioAsync(Aanvraag(toekenning.AddMonths(9))).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, teLaat.StatusCode);
        Assert.Contains("beëindigingscertificaat van BJZL (2040-07-02)", teLaat.Status.Detail);
        Assert.Contains("verleng het certificaat eerst", teLaat.Status.Detail);

        // Extended once (by six months): the later deadline now fits.
        await capaciteit.VerlengCertificaatAsync(new Capaciteit.V1.VerlengCertificaatRequest { CertificaatId = certificaat.Id });
        var verlengd = (await scenarios.PlanScenarioAsync(Aanvraag(toekenning.AddMonths(9)))).DryRun;
        Assert.Equal(toekenning.AddMonths(9), verlengd.Deadline.ToDateOnly());
        Assert.Equal(toekenning.AddMonths(12), (await scenarios.PlanScenarioAsync(Aanvraag(null))).DryRun.Deadline.ToDateOnly());
    }

    private async Task<Continuiteitsrapport> VoerUitAsync(Kanalen k, string naam, bool onderbreek)
    {
        // Same seed, other keys: the same caseload under other ids (and other synthetic BSNs).
        await SynthetischeCaseload.LaadAsync(k, "JBN", Regio, DrentheScenario.Caseload(Aantal, Start, seed: 7), Start, $"scenario-test:{naam}:{Guid.NewGuid()}", seed: 7);
        var id = Guid.NewGuid().ToString();
        var operatorKanaal = k.Scenarios(Organisatie.Operator);
        var dryRun = (await operatorKanaal.PlanScenarioAsync(ScenarioAanvragen.Van(Guid.Parse(id), Definitie(), ScenarioTempo.Versneld))).DryRun;
        Assert.Equal(Aantal, dryRun.AantalMaatregelen);
        Assert.True(Gezinnen == dryRun.AantalGezinnen,
            $"{naam}: maatregelregistratie holds the caseload's {Gezinnen} families as {dryRun.AantalGezinnen}");
        Assert.Empty(dryRun.NietPlaatsbaar);
        Assert.True(dryRun.DeadlineGehaald);
        // The platform's planner is the optimal one: it proves its plan optimal and keeps that with the scenario.
        Assert.Equal(Overdracht.V1.Planmethode.Optimaal, dryRun.Kwaliteit.Methode);
        Assert.True(dryRun.Kwaliteit.HasGrens && dryRun.Kwaliteit.Gap == 0, $"{dryRun.Kwaliteit}");
        Assert.Equal(dryRun.Kwaliteit, (await operatorKanaal.GeefDryRunAsync(new GeefDryRunRequest { ScenarioId = id })).DryRun.Kwaliteit);
        await operatorKanaal.KeurScenarioGoedAsync(new KeurScenarioGoedRequest { ScenarioId = id });

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var partners = new Ketenpartners(k).DraaiAsync(id, ct: cts.Token);
        if (onderbreek)
        {
            await Eventually.HoldsAsync(async () =>
            {
                var v = (await operatorKanaal.GeefScenarioVoortgangAsync(new GeefScenarioVoortgangRequest { ScenarioId = id })).Voortgang;
                return v.Omgezet + v.Voltooid >= Aantal / 3 && v.Status == Overdracht.V1.ScenarioStatus.Lopend;
            }, "a third of the scenario switched", TimeSpan.FromMinutes(2));
            platform.Overdracht.Kill();
            await Task.Delay(1000);
            await platform.StartAsync(platform.Overdracht);
        }
        var eind = await partners;
        var rapport = (await operatorKanaal.GeefContinuiteitsrapportAsync(new GeefContinuiteitsrapportRequest { ScenarioId = id })).Rapport;
        output.WriteLine($"{naam}: {eind.Voltooid} voltooid in {eind.AantalWeken} weken, {eind.Weigeringen} weigeringen; plan {dryRun.Kwaliteit.Score}, "
            + $"{dryRun.AantalGezinnen} gezinnen, {dryRun.Wisselingen} wisselingen; {rapport.Regels.FirstOrDefault()?.Toelichting}");

        // One handover per family, each completed, whether or not overdracht was killed on the way: none lost, none
        // doubled, no family split over two.
        var gezin = rapport.Maatregelen.ToDictionary(m => m.MaatregelId, m => m.GezinId);
        var overdrachten = await OverdrachtenAsync(k, id);
        Assert.True(overdrachten.Count == Gezinnen && overdrachten.All(o => o.Status == Overdracht.V1.OverdrachtStatus.Voltooid)
                && overdrachten.All(o => o.MaatregelIds.Select(m => gezin.GetValueOrDefault(m, "?")).Distinct().Count() == 1)
                && overdrachten.SelectMany(o => o.MaatregelIds.Select(m => gezin.GetValueOrDefault(m, "?"))).Distinct().Count() == Gezinnen,
            $"{naam}: {Gezinnen} gezinnen, {overdrachten.Count} overdrachten{Environment.NewLine}{Beschrijf(rapport, overdrachten)}");
        return rapport;
    }

    /// <summary>The generated caseload's families: the same in both runs.</summary>
    private static readonly int Gezinnen = DrentheScenario.Caseload(Aantal, Start, seed: 7).Select(m => m.GezinId).Distinct().Count();

    /// <summary>Every handover the sending GI made in a scenario, with its history.</summary>
    private static Task<List<Overdracht.V1.Overdracht>> OverdrachtenAsync(Kanalen k, string scenarioId) =>
        Overdrachtpagina.AllesAsync(k.Overdrachten(Organisatie.Gi("JBN")), new ZoekOverdrachtenRequest
        {
            GiCode = "JBN", ScenarioId = scenarioId, Rol = OverdrachtRol.Verzendend, PageSize = 100,
        });

    /// <summary>Each handover with its family, state and steps, for a failure's message.</summary>
    private static string Beschrijf(Continuiteitsrapport r, IReadOnlyList<Overdracht.V1.Overdracht> alle)
    {
        var gezin = r.Maatregelen.ToDictionary(m => m.MaatregelId, m => m.GezinId);
        return $"scenario {r.ScenarioId}: {alle.Count} overdrachten" + Environment.NewLine + string.Join(Environment.NewLine, alle
            .OrderBy(o => gezin.GetValueOrDefault(o.MaatregelIds[0])).Select(o =>
                $"{o.Id} gezin {string.Join("+", o.MaatregelIds.Select(m => gezin.GetValueOrDefault(m, "?")).Distinct())} {o.MaatregelIds.Count} maatregelen -> {o.OntvangendeGi} {o.Status}: "
                + string.Join(", ", o.Historie.Select(h => $"{h.Wat}@{h.Op.ToDateTime():HH:mm:ss.fff}"))));
    }

    /// <summary>The report without ids and instants: what an uninterrupted and an interrupted run must share.</summary>
    private static string Vergelijkbaar(Continuiteitsrapport r) =>
        string.Join(Environment.NewLine, r.Regels.Select(x => $"{x.Regel}|{x.Geslaagd}|{x.Toelichting}")
            .Concat(r.Maatregelen.Select(m => $"{m.Type}|{m.OudeGi}|{m.NieuweGi}|{m.Week}|{m.VasteJeugdbeschermer}|{m.VolgtJeugdbeschermer}|{string.Join("+", m.VerantwoordelijkNu)}|{m.Weigeringen.Count}").Order()));

    /// <summary>
    /// The shipped Drenthe scenario scaled to the caseload, sending from a region no other test uses. The receivers set
    /// ceilings of their own here, so both runs plan against the same room (capaciteit's free room shrinks by the first
    /// run's load, and the report names the room it judged against).
    /// </summary>
    private static Scenario Definitie()
    {
        var drenthe = DrentheScenario.Scenario(Start, Aantal / 388.0);
        return drenthe with { Regios = [Regio], Ontvangers = [.. drenthe.Ontvangers.Select(o => o with { Plafond = o.VrijeCapaciteit })] };
    }

    private Kanalen Kanalen() => platform.Kanalen();
}
