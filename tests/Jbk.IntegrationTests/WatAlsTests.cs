using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;

namespace Jbk.IntegrationTests;

/// <summary>
/// The what-if comparison from the platform's own data: the sending GI's running measures and their end dates and
/// case workers (maatregelregistratie), the registry's inflow, every GI's staffing and load (capaciteit) — each
/// checked against what those systems of record say when asked directly.
/// </summary>
public sealed class WatAlsTests
{
    [Fact]
    public async Task The_four_scenarios_are_computed_from_the_registry_and_capaciteit_and_only_operators_and_municipalities_may_ask()
    {
        await using var platform = await EmbeddedPlatform.StartAsync("jbk-wat-als");
        var k = platform.Kanalen();
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        await Ketenstand.LaadAsync(k, 40 / 388.0, Ketenstand.Peildatum(vandaag));
        await SynthetischeCaseload.LaadAsync(k, "JBN", "drenthe", DrentheScenario.Caseload(40, vandaag), vandaag, $"wat-als:{Guid.NewGuid()}");
        var start = vandaag.AddDays(7);
        var request = new SimuleerWatAlsRequest { VerzendendeGi = "JBN", Regios = { "drenthe" }, Start = start.ToProto(), InstroomWeken = 52 };

        var antwoord = await k.Scenarios(Organisatie.Operator).SimuleerWatAlsAsync(request);

        // What maatregelregistratie and capaciteit say themselves.
        var telling = (await k.Maatregelen(Organisatie.Operator).GeefTellingenAsync(new GeefTellingenRequest { GiCode = "JBN" })).Tellingen.Where(t => t.Regio == "drenthe").ToList();
        var instroom = await k.Maatregelen(Organisatie.Operator).GeefInstroomPerWeekAsync(new GeefInstroomPerWeekRequest { Regio = "drenthe", Van = start.AddDays(-7 * 52).ToProto(), Tot = start.ToProto() });
        var overzicht = await k.CapaciteitClient(Organisatie.Operator).GeefCapaciteitsoverzichtAsync(new Capaciteit.V1.GeefCapaciteitsoverzichtRequest());

        var invoer = antwoord.Invoer;
        Assert.Equal(telling.Sum(t => t.Lopend), invoer.EindweekLopend.Count);
        Assert.Equal(40, invoer.EindweekLopend.Count);
        Assert.Equal(telling.Sum(t => t.ZonderVasteJeugdbeschermer), invoer.WachtendNu);
        Assert.True(instroom.Weken.Sum(w => w.Aantal) > 0, "the synthetic caseload started within the past year");
        Assert.Equal(instroom.Weken.Sum(w => w.Aantal) / 52.0, invoer.InstroomPerWeek, 9);
        foreach (var gi in new[] { "JBN", "JBF", "JBO", "WSS", "LJR" })
        {
            var cijfers = overzicht.Gis.Single(x => x.GiCode == gi);
            var model = invoer.Gis.Single(x => x.GiCode == gi);
            Assert.Equal(cijfers.FteEffectief, model.Fte, 9);
            Assert.Equal(cijfers.Norm, model.Norm, 9);
        }
        Assert.Equal(["1", "2", "3", "4"], antwoord.Scenarios.Select(s => s.Code));
        Assert.All(antwoord.Scenarios, s => Assert.Equal(52, s.Weken.Select(w => w.Week).Distinct().Count()));
        Assert.Contains(antwoord.Aannames, a => a.StartsWith("Instroom:"));
        // Scenario 1 moves what is left of JBN's Drenthe measures (the rest end first) before its certificate ends;
        // scenario 4 moves none.
        Assert.InRange(antwoord.Scenarios[0].Samenvatting.OverdrachtenTotaal, 1, 40);
        Assert.Equal(0, antwoord.Scenarios[0].Samenvatting.ZonderCertificaatMaatregelweken, 6);
        Assert.Equal(0, antwoord.Scenarios[3].Samenvatting.OverdrachtenTotaal);

        // A municipality may ask; a GI may not; a settings file that cannot be meant is refused saying why.
        await k.Scenarios(Organisatie.Gemeente("GM0106")).SimuleerWatAlsAsync(request);
        var gi1 = await Assert.ThrowsAsync<RpcException>(() => k.Scenarios(Organisatie.Gi("JBN")).SimuleerWatAlsAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, gi1.StatusCode);
        var fout = await Assert.ThrowsAsync<RpcException>(() => k.Scenarios(Organisatie.Operator).SimuleerWatAlsAsync(
            new SimuleerWatAlsRequest(request) { InstellingenJson = """{ "scenarios": [ { "code": "x", "naam": "x", "lokaleTeamsAandeel": 2 } ] }""" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, fout.StatusCode);
        Assert.Contains("lokaleTeamsAandeel 2", fout.Status.Detail);
        var regio = await Assert.ThrowsAsync<RpcException>(() => k.Scenarios(Organisatie.Operator).SimuleerWatAlsAsync(new SimuleerWatAlsRequest { VerzendendeGi = "JBN", Regios = { "atlantis" } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, regio.StatusCode);
        Assert.Contains("atlantis", regio.Status.Detail);
    }
}
