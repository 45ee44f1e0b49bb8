using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Capaciteit.V1;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Overdracht.V1;
using Xunit.Abstractions;

namespace Jbk.IntegrationTests;

/// <summary>
/// Every RPC that changes something, sent twenty times at once, identically, by an organisation it admits, has the same
/// effect on the systems of record as sent once: per table the same number of new rows (measures, history, documents,
/// contracts, audit entries, outgoing events). The access logs are left out: they record each call on purpose.
/// </summary>
public sealed class HerhalingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmbeddedPlatform _platform = null!;
    private Rpcgevallen _gevallen = null!;
    private static readonly TimeSpan Rust = TimeSpan.FromSeconds(60);
    private static readonly StatusCode[] Netjes = [StatusCode.OK, StatusCode.FailedPrecondition, StatusCode.AlreadyExists, StatusCode.Aborted];

    public async Task InitializeAsync()
    {
        _platform = await EmbeddedPlatform.StartAsync("jbk-herhaling");
        _gevallen = await Rpcgevallen.BereidAsync(_platform);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    /// <summary>The RPCs that only read.</summary>
    private static bool Leest(RpcBeleid b) =>
        b.Rpc.StartsWith("Geef") || b.Rpc.StartsWith("Zoek") || b.Rpc.StartsWith("Lees") || b.Rpc.StartsWith("List")
        || b.Rpc.StartsWith("Controleer") || b.Rpc == "VraagBeschikbaarheid";

    [Fact]
    public async Task Twenty_identical_requests_at_once_have_the_effect_of_one_for_every_rpc_that_changes_something()
    {
        var gevallen = _gevallen.Alle();
        var wijzigend = Beleid.Rpcs.Where(b => !Leest(b)).ToList();
        Assert.True(wijzigend.Count >= 30, $"maar {wijzigend.Count} wijzigende RPC's gevonden");
        var fouten = new List<string>();
        foreach (var rpc in wijzigend)
        {
            var geval = gevallen[Rpcgevallen.Sleutel(rpc)];
            var wie = Beleid.EersteToegelaten(rpc);
            // A handover asked for moves on by itself (checks, then reservation and read access): on a busy machine the
            // steps can be seconds apart, so the measurement waits longer for it to stop moving.
            var stil = TimeSpan.FromSeconds(rpc.Rpc == "VraagOverdrachtAan" ? 10 : 3);
            var (eenmaal, _) = await EffectAsync(geval, wie, 1, stil);
            var (twintig, codes) = await EffectAsync(geval, wie, 20, stil);
            var verschil = eenmaal.Keys.Union(twintig.Keys).Where(k => eenmaal.GetValueOrDefault(k) != twintig.GetValueOrDefault(k))
                .Select(k => $"{k}: eenmaal +{eenmaal.GetValueOrDefault(k)}, twintig keer +{twintig.GetValueOrDefault(k)}").ToList();
            output.WriteLine($"{rpc.Rpc} als {wie}: {string.Join(", ", codes.GroupBy(c => c).Select(g => $"{g.Count()}x {g.Key}"))}; " +
                $"effect {string.Join(", ", eenmaal.Where(e => e.Value != 0).Select(e => $"{e.Key} +{e.Value}"))}");
            if (verschil.Count > 0) fouten.Add($"{rpc.Rpc}: {string.Join("; ", verschil)}");
            if (codes.FirstOrDefault(c => !Netjes.Contains(c)) is var slecht && !Netjes.Contains(slecht))
                fouten.Add($"{rpc.Rpc}: een herhaling eindigde in {slecht}");
        }
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    [Fact]
    public async Task The_same_key_or_id_with_a_different_request_is_refused_and_never_answered_with_the_first_answer()
    {
        var toneel = new Rpcgevallen.Toneel(_platform);
        var jbn = Organisatie.Gi("JBN");
        async Task Geweigerd(Func<Task> roep, string wat)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(roep);
            Assert.True(ex.StatusCode == StatusCode.FailedPrecondition && ex.Status.Detail.Contains("al gebruikt"), $"{wat}: {ex.StatusCode} {ex.Status.Detail}");
        }

        var maatregelen = new Maatregelen.V1.MaatregelService.MaatregelServiceClient(_platform.Als(jbn));
        var registratie = Rpcgevallen.Toneel.Ots();
        await maatregelen.RegistreerMaatregelAsync(registratie);
        var andereRegistratie = registratie.Clone();
        andereRegistratie.Startdatum = Jbk.Contracts.DatumMapping.ToProto(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        await Geweigerd(() => maatregelen.RegistreerMaatregelAsync(andereRegistratie).ResponseAsync, "RegistreerMaatregel");

        var capaciteit = new CapaciteitService.CapaciteitServiceClient(_platform.Als(Organisatie.Dienst("overdracht")));
        var reservering = Rpcgevallen.Toneel.Reservering();
        var eerste = await capaciteit.ReserveerCapaciteitAsync(reservering);
        Assert.Equal(eerste.ReserveringId, (await capaciteit.ReserveerCapaciteitAsync(reservering)).ReserveringId);
        var andereReservering = reservering.Clone();
        andereReservering.Aantal = 2;
        await Geweigerd(() => capaciteit.ReserveerCapaciteitAsync(andereReservering).ResponseAsync, "ReserveerCapaciteit");

        var stand = await toneel.OverdrachtAsync();
        var overdracht = new OverdrachtService.OverdrachtServiceClient(_platform.Als(jbn));
        var aanvraag = Rpcgevallen.Toneel.Aanvraag(stand.MaatregelId);
        aanvraag.OverdrachtId = stand.OverdrachtId;
        await overdracht.VraagOverdrachtAanAsync(aanvraag); // the same request: the same handover
        aanvraag.GeplandeOmzetting = Jbk.Contracts.DatumMapping.ToProto(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40));
        await Geweigerd(() => overdracht.VraagOverdrachtAanAsync(aanvraag).ResponseAsync, "VraagOverdrachtAan");

        var stops = new Clientenstop.V1.ClientenstopService.ClientenstopServiceClient(_platform.Als(jbn));
        var stopId = await toneel.StopAsync();
        await stops.StelStopVoorAsync(Rpcgevallen.Toneel.Stopvoorstel(stopId));
        var andereStop = Rpcgevallen.Toneel.Stopvoorstel(stopId);
        andereStop.Regios.Add("groningen");
        await Geweigerd(() => stops.StelStopVoorAsync(andereStop).ResponseAsync, "StelStopVoor");

        var scenarios = new ScenarioService.ScenarioServiceClient(_platform.Als(Organisatie.Operator));
        await scenarios.PlanScenarioAsync(Rpcgevallen.Scenario(_gevallen.ScenarioId));
        var anderScenario = Rpcgevallen.Scenario(_gevallen.ScenarioId);
        anderScenario.Start = Jbk.Contracts.DatumMapping.ToProto(new DateOnly(2040, 2, 5));
        await Geweigerd(() => scenarios.PlanScenarioAsync(anderScenario).ResponseAsync, "PlanScenario");
    }

    /// <summary>New rows per table after <paramref name="keer"/> identical calls at once on a fresh scene, and their status codes.</summary>
    private async Task<(Dictionary<string, int> Effect, List<StatusCode> Codes)> EffectAsync(Rpcgevallen.Geval geval, Organisatie wie, int keer, TimeSpan stil)
    {
        var roep = await geval.Bereid(new Rpcgevallen.Toneel(_platform));
        var voor = await Stand.RustigAsync(_platform.DataDir, Rust, metInhoud: false);
        var codes = (await Task.WhenAll(Enumerable.Range(0, keer).Select(async _ =>
        {
            try { await roep(wie).WaitAsync(TimeSpan.FromSeconds(30)); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }))).ToList();
        var na = await Stand.RustigAsync(_platform.DataDir, Rust, metInhoud: false, stil: stil);
        return (na.Keys.ToDictionary(k => k, k => int.Parse(na[k]) - int.Parse(voor.GetValueOrDefault(k) ?? "0")), codes);
    }
}
