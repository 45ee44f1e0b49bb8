using Grpc.Core;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;
using Jbk.Topologie;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// What operators watch, for real: a distributed platform of its own (so no other test's traffic decides what the
/// figures are) and a Prometheus scraping every process as the topology renders it, with the shipped rules. The
/// traffic is driven once, by whichever test asks first: a small Drenthe scenario with one refused handover,
/// availability questions of the Raad, a proposed cliëntenstop, and calls that are refused or ask for what does not exist.
/// </summary>
public sealed class WaarnemingsPlatform : IAsyncLifetime
{
    public const int Aantal = 12;
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly Lazy<Task> _verkeer;

    public WaarnemingsPlatform() => _verkeer = new Lazy<Task>(DrijfVerkeerAsync);

    public DistributedPlatform Platform { get; } = new EigenPlatform("jbk-waarneming");
    public PrometheusProces Prometheus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Platform.InitializeAsync();
        try
        {
            var map = Directory.CreateTempSubdirectory("jbk-prometheus-").FullName;
            var configuratie = PrometheusWeergave.Lokaal(Weergave.Lokaal(Platform.Inzet),
                Path.Combine(TestEnvironment.RepoRoot, "deploy", "prometheus", "rules"), TimeSpan.FromSeconds(1));
            Prometheus = await PrometheusProces.StartAsync(configuratie, map);
        }
        catch
        {
            await Platform.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Prometheus is not null) await Prometheus.DisposeAsync();
        await Platform.DisposeAsync();
    }

    public Task VerkeerAsync() => _verkeer.Value;

    public Kanalen Kanalen() => Platform.Kanalen();

    /// <summary>The /metrics text of one process: series (name and labels) to value, JBK's own series only.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> MetricsAsync(ServiceProcess proces)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var tekst = await http.GetStringAsync($"http://127.0.0.1:{proces.HttpPort}/metrics");
        return tekst.Split('\n').Where(r => r.StartsWith("jbk_", StringComparison.Ordinal))
            .Select(r => (Reeks: r[..r.LastIndexOf(' ')], Waarde: r[(r.LastIndexOf(' ') + 1)..]))
            .GroupBy(r => r.Reeks).ToDictionary(g => g.Key, g => g.Last().Waarde);
    }

    /// <summary>Calls that must be refused: a GI planning a scenario, an unknown measure, and a call without a token.</summary>
    public async Task WeigeringenAsync()
    {
        var k = Kanalen();
        var plannen = ScenarioAanvragen.Van(Guid.NewGuid(), DrentheScenario.Scenario(Start), ScenarioTempo.Versneld);
        var geweigerd = await Assert.ThrowsAsync<RpcException>(() => k.Scenarios(Organisatie.Gi("JBN")).PlanScenarioAsync(plannen).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, geweigerd.StatusCode);
        var onbekend = await Assert.ThrowsAsync<RpcException>(() =>
            k.Maatregelen(Organisatie.Rvdk).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, onbekend.StatusCode);
        using var zonderToken = GrpcChannel.ForAddress(Platform.Capaciteit.Address);
        var anoniem = await Assert.ThrowsAsync<RpcException>(() =>
            new CapaciteitService.CapaciteitServiceClient(zonderToken).ListInstellingenAsync(new ListInstellingenRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anoniem.StatusCode);
    }

    private async Task DrijfVerkeerAsync()
    {
        var k = Kanalen();
        var capaciteit = k.CapaciteitClient(Organisatie.Operator);
        foreach (var gi in new[] { "JBF", "JBO" })
            await capaciteit.StelBezettingInAsync(new StelBezettingInRequest { Bezetting = new Bezetting { GiCode = gi, FteTotaal = 20, Norm = 15, Opleidingsfactor = 0.5 } });
        await SynthetischeCaseload.SluitContractenAsync(k, ["JBF", "JBO"], "drenthe", Start);
        await SynthetischeCaseload.LaadAsync(k, "JBN", "drenthe", DrentheScenario.Caseload(Aantal, Start, seed: 11), Start, $"waarneming:{Guid.NewGuid()}", seed: 11);

        var id = Guid.NewGuid();
        var scenarios = k.Scenarios(Organisatie.Operator);
        var definitie = DrentheScenario.Scenario(Start, Aantal / 388.0) with { Regios = ["drenthe"] };
        await scenarios.PlanScenarioAsync(ScenarioAanvragen.Van(id, definitie, ScenarioTempo.Versneld));
        await scenarios.KeurScenarioGoedAsync(new KeurScenarioGoedRequest { ScenarioId = id.ToString() });
        var eersteGeweigerd = 0;
        using var termijn = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await new Ketenpartners(k, _ => Interlocked.Exchange(ref eersteGeweigerd, 1) == 0).DraaiAsync(id.ToString(), ct: termijn.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Het scenario van {Aantal} maatregelen is niet binnen 4 minuten afgerond.");
        }

        var raad = k.CapaciteitClient(Organisatie.Rvdk);
        foreach (var type in new[] { MaatregelType.Ots, MaatregelType.Voogdij, MaatregelType.Jeugdreclassering })
            await raad.VraagBeschikbaarheidAsync(new VraagBeschikbaarheidRequest { Regio = "drenthe", Type = type.ToProto() });

        var stops = new ClientenstopService.ClientenstopServiceClient(Platform.Channel(Platform.Clientenstop, Organisatie.Gi("JBN")));
        await stops.StelStopVoorAsync(new StelStopVoorRequest
        {
            StopId = Guid.NewGuid().ToString(), Regios = { "groningen" }, MaatregelTypes = { MaatregelType.Ots.ToProto() },
            Van = Start.AddDays(7).ToProto(), Tot = Start.AddMonths(3).ToProto(), Reden = "te weinig jeugdbeschermers voor nieuwe zaken",
        });
        await WeigeringenAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WaarnemingsCollection : ICollectionFixture<WaarnemingsPlatform>
{
    public const string Name = "operators' view";
}
