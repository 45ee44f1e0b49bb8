using Grpc.Health.V1;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;
using System.Text.Json;

namespace Jbk.IntegrationTests;

/// <summary>The README's first command: all four services in one process, SQLite, in-memory bus, a local signing key.</summary>
public sealed class EmbeddedPlatformTests : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("jbk-embedded").FullName;
    private readonly ServiceProcess _platform;

    public EmbeddedPlatformTests()
    {
        _platform = new ServiceProcess("platform", "Jbk.Platform", new Dictionary<string, string> { ["Jbk__DataDir"] = _dataDir }, _dataDir);
    }

    public async Task InitializeAsync()
    {
        _platform.Start();
        await _platform.WaitUntilServingAsync("");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task One_process_serves_all_four_services_with_health_and_reflection()
    {
        using var channel = GrpcChannel.ForAddress(_platform.Address);
        var health = new Health.HealthClient(channel);
        var listed = await Reflectie.ServicesAsync(channel);

        foreach (var service in Jbk.Topologie.Topologie.Diensten.SelectMany(d => d.GrpcServices).Select(s => s.FullName))
        {
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = service });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
            Assert.Contains(service, listed);
        }
    }

    [Fact]
    public async Task A_token_minted_with_the_local_key_registers_a_measure_and_the_load_follows()
    {
        using var key = SigningKeys.LoadPrivateKey(Path.Combine(_dataDir, JbkPaths.DefaultLocalKeyFile));
        var token = TokenMinter.Mint(key, Organisatie.Rvdk, "demo", TimeSpan.FromMinutes(5));
        using var channel = Kanaal.Met(_platform.Address, token);
        var capaciteit = new CapaciteitService.CapaciteitServiceClient(channel);

        var instellingen = await capaciteit.ListInstellingenAsync(new ListInstellingenRequest());
        Assert.Equal(14, instellingen.Instellingen.Count); // the 13 GIs and Nidos
        await new MaatregelService.MaatregelServiceClient(channel).RegistreerMaatregelAsync(Registratie.Ots("JBF", "friesland"));

        await Eventually.HoldsAsync(async () =>
            (await capaciteit.GeefBelastingAsync(new GeefBelastingRequest { GiCode = "JBF" })).LopendeMaatregelen == 1,
            "the embedded capaciteit counts the measure");
    }

    [Fact]
    public async Task The_Drenthe_scenario_runs_end_to_end_with_the_CLI_playing_the_GIs_and_a_refusal_planned_again()
    {
        Task<(int Code, string Uitvoer, string Fouten)> Draai(params string[] args) => Cli.RunAsync(TimeSpan.FromMinutes(4),
            ["--adres", _platform.Address, "--data-dir", Path.Combine(_dataDir), "--org", "operator", .. args, "--aantal", "100"]);
        async Task<string> Jbk(params string[] args)
        {
            var (code, uitvoer, fouten) = await Draai(args);
            Assert.True(code == 0, $"jbk {string.Join(' ', args)}: exit {code}: {fouten}{uitvoer}");
            return uitvoer;
        }

        Assert.Contains("JBN heeft een beëindigingscertificaat tot", await Jbk("scenario", "laad-drenthe"));
        // Twelve months only once the certificate has been extended.
        var verlengd = await Draai("scenario", "plan", "--verlengd");
        Assert.NotEqual(0, verlengd.Code);
        Assert.Contains("verleng het certificaat eerst", verlengd.Fouten + verlengd.Uitvoer);
        Assert.Contains("deadline gehaald", await Jbk("scenario", "plan", "--tempo", "versneld"));
        // Before the run nothing moved: the report says so, and so does its exit code (scripts/drenthe.sh relies on it).
        var voorDeRun = await Draai("scenario", "report");
        Assert.True(voorDeRun.Code == 3, $"exit {voorDeRun.Code}: {voorDeRun.Uitvoer}");
        Assert.Contains("NIET alle regels gehaald", voorDeRun.Uitvoer);
        await Jbk("scenario", "run", "--simuleer-ketenpartners", "--weiger", "1");
        using var rapport = JsonDocument.Parse(await Jbk("--json", "scenario", "report"));

        var r = rapport.RootElement;
        Assert.True(r.GetProperty("alleRegelsGehaald").GetBoolean(), r.GetProperty("regels").ToString());
        Assert.True(r.GetProperty("deadlineGehaald").GetBoolean());
        var maatregelen = r.GetProperty("maatregelen").EnumerateArray().ToList();
        Assert.Equal(100, maatregelen.Count);
        Assert.All(maatregelen, m => Assert.Equal(m.GetProperty("nieuweGi").GetString(), m.GetProperty("verantwoordelijkNu").EnumerateArray().Single().GetString()));
        // The refused family went to another receiver than the one that refused it.
        var geweigerd = maatregelen.Where(m => m.GetProperty("weigeringen").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(geweigerd);
        Assert.All(geweigerd, m => Assert.False(m.GetProperty("weigeringen")[0].GetString()!.StartsWith(m.GetProperty("nieuweGi").GetString()! + ":")));

        await De_dashboards_hebben_data_over_het_ingebedde_platformAsync();
    }

    /// <summary>
    /// The operators' view of the embedded mode after a scenario: a real Prometheus scraping the one process finds data for
    /// every panel and rule, but for the error queues, which only RabbitMQ has (the embedded bus is in memory).
    /// </summary>
    private async Task De_dashboards_hebben_data_over_het_ingebedde_platformAsync()
    {
        using var key = SigningKeys.LoadPrivateKey(Path.Combine(_dataDir, JbkPaths.DefaultLocalKeyFile));
        using var channel = Kanaal.Met(_platform.Address, TokenMinter.Mint(key, Organisatie.Operator, "operator-1", TimeSpan.FromMinutes(5)));
        var onbekend = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => new Clientenstop.V1.ClientenstopService.ClientenstopServiceClient(channel)
            .GeefStopAsync(new Clientenstop.V1.GeefStopRequest { StopId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, onbekend.StatusCode);

        var configuratie = Topologie.PrometheusWeergave.Ingebed($"127.0.0.1:{_platform.HttpPort}",
            Path.Combine(TestEnvironment.RepoRoot, "deploy", "prometheus", "rules"), TimeSpan.FromSeconds(1));
        await using var prometheus = await PrometheusProces.StartAsync(configuratie, Directory.CreateTempSubdirectory("jbk-prometheus-ingebed-").FullName);
        var uitkomst = await Panelcontrole.ControleerAsync(prometheus, TimeSpan.FromSeconds(60), q => q.Contains("jbk_bus_foutwachtrij_berichten"));
        Assert.True(uitkomst.ZonderData.Count == 0, "Zonder data:\n" + string.Join('\n', uitkomst.ZonderData.Select(v => $"{v.Waar}: {v.Promql}")));
    }
}
