using Jbk.BuildingBlocks.Dapr;
using Jbk.Topologie;
using Npgsql;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// maatregelregistratie and clientenstop as they run in Kubernetes, with Dapr: every secret (database, broker, signing
/// keys, clientenstop's own key) is a <c>dapr-secret:</c> reference the process resolves at start from the stand-in
/// sidecar, the normenkader comes from its configuration store, and notifications leave through its output binding.
/// capaciteit (which clientenstop calls) runs as in the local distributed mode. Nothing secret is in any process's environment.
/// </summary>
public sealed class DaprPlatform : IAsyncLifetime
{
    public const string Opslag = "jbk-secrets";
    private readonly string _map = Directory.CreateTempSubdirectory("jbk-dapr").FullName;
    private readonly string _run = "dp" + Guid.NewGuid().ToString("N")[..10];

    public DaprStandIn Sidecar { get; private set; } = null!;
    public LokaleInzet Inzet { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> Processen { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Omgeving { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    public ServiceProcess Maatregelregistratie => Processen.Single(p => p.Name == "maatregelregistratie");
    public ServiceProcess Capaciteit => Processen.Single(p => p.Name == "capaciteit");
    public ServiceProcess Clientenstop => Processen.Single(p => p.Name == "clientenstop");

    public static readonly IReadOnlyDictionary<string, string> Normenkader = new Dictionary<string, string>
    {
        ["Maatregelregistratie.Regels.EersteContactWerkdagen"] = "5",
        ["Maatregelregistratie.Regels.VeiligheidstaxatieWerkdagen"] = "5",
        ["Maatregelregistratie.Regels.PlanVanAanpakWeken"] = "6",
        ["Maatregelregistratie.Regels.MeldingGeenVerlengingMaandenVoorEinde"] = "2",
    };

    public async Task InitializeAsync()
    {
        Sidecar = await DaprStandIn.StartAsync();
        Inzet = new LokaleInzet
        {
            Postgres = TestEnvironment.Postgres, RabbitMq = TestEnvironment.RabbitMqIn("jbk-dapr"), Map = _map, DatabaseVoorvoegsel = $"jbk_{_run}",
            PoortBasis = VrijePoorten.Reeks(Weergave.Poortbereik(1)),
        };
        Weergave.MaakSleutels(Inzet);
        Sidecar.ZetConfiguratie(Normenkader);
        var processen = new List<ServiceProcess>();
        var omgeving = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var p in Weergave.Lokaal(Inzet).Where(p => p.Dienst.Naam is "maatregelregistratie" or "capaciteit" or "clientenstop"))
        {
            var env = p.Dienst.Naam == "capaciteit" ? p.Omgeving : MetDapr(p);
            omgeving[p.Naam] = env;
            processen.Add(new ServiceProcess(p with { Omgeving = env }, _map));
        }
        Processen = processen;
        Omgeving = omgeving;
        try
        {
            foreach (var p in Processen) p.Start();
            foreach (var p in Processen) await p.WaitUntilServingAsync(DistributedPlatform.GrpcServices[p.Name]);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>The process's settings with every secret replaced by a reference into the sidecar's secret store.</summary>
    private IReadOnlyDictionary<string, string> MetDapr(Proces p)
    {
        string Verwijs(string geheim, string sleutel, string waarde)
        {
            var bestaand = Sidecar.Geheimen.GetOrAdd((Opslag, geheim), _ => []);
            lock (bestaand) bestaand[sleutel] = waarde;
            return $"{DaprGeheimen.Voorvoegsel}{Opslag}/{geheim}/{sleutel}";
        }
        var env = new Dictionary<string, string>(p.Omgeving);
        foreach (var (k, v) in p.Omgeving)
        {
            if (k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)) env[k] = Verwijs("jbk-infra", p.Dienst.Naam, v);
            else if (k == "Jbk__Messaging__RabbitMq") env[k] = Verwijs("jbk-infra", "rabbitmq", v);
            else if (k.StartsWith("Jbk__Auth__PublicKeys__", StringComparison.Ordinal) || k.StartsWith("Jbk__Auth__DienstSleutels__", StringComparison.Ordinal)
                || k == Topologie.Topologie.DienstSleutel)
            {
                var geheim = k == Topologie.Topologie.DienstSleutel ? $"jbk-dienst-{p.Dienst.Naam}" : "jbk-signing-keys";
                env[k] = Verwijs(geheim, Path.GetFileName(v), File.ReadAllText(v));
            }
        }
        env["Jbk__Dapr__Enabled"] = "true";
        env["Jbk__Dapr__GrpcEndpoint"] = Sidecar.Adres;
        env["Jbk__Dapr__Wachttijd"] = "00:00:20";
        env["Clientenstop__Notificaties__Interval"] = "00:00:01";
        return env;
    }

    public async Task DisposeAsync()
    {
        foreach (var p in Processen) await p.DisposeAsync();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres + ";Database=postgres");
        await connection.OpenAsync();
        foreach (var d in new[] { "maatregelregistratie", "capaciteit", "clientenstop" })
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Inzet?.DatabaseVoorvoegsel}_{d} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DaprCollection : ICollectionFixture<DaprPlatform>
{
    public const string Name = "dapr";
}
