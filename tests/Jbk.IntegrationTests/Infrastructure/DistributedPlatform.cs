using System.Security.Cryptography;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Maatregelen.V1;
using Jbk.Topologie;
using Npgsql;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// The distributed mode for real, started exactly as scripts/distributed.sh starts it: every process of the topology
/// (four services, each with its own PostgreSQL database, talking over RabbitMQ, and the gateway) with the settings
/// <see cref="Weergave.Lokaal"/> renders. Only the infrastructure's addresses, the ports and the database names are
/// this run's own; maatregelregistratie reaches the broker through a proxy the tests can cut.
/// </summary>
public class DistributedPlatform : IAsyncLifetime
{
    private readonly string _run = "it" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _dir;
    private readonly List<ServiceProcess> _processen;

    public DistributedPlatform() : this(replicas: 1) { }

    /// <param name="vhost">A RabbitMQ virtual host of its own, for a platform that runs beside the shared one (null: the default).</param>
    protected DistributedPlatform(int replicas, string? vhost = null)
    {
        _dir = Directory.CreateTempSubdirectory("jbk-" + _run).FullName;
        var broker = new Uri(vhost is null ? TestEnvironment.RabbitMq : TestEnvironment.RabbitMqIn(vhost));
        BrokerProxy = new TcpProxy(broker.Host, broker.Port);
        var postgres = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres);
        DatabaseProxy = new TcpProxy(postgres.Host!, postgres.Port);
        Inzet = new LokaleInzet
        {
            Postgres = TestEnvironment.Postgres, RabbitMq = broker.ToString(), Map = _dir, Replicas = replicas,
            PoortBasis = VrijePoorten.Reeks(Weergave.Poortbereik(replicas)), DatabaseVoorvoegsel = $"jbk_{_run}",
            RabbitMqPerDienst = new Dictionary<string, string>
            {
                ["maatregelregistratie"] = new UriBuilder(broker) { Port = BrokerProxy.Port }.Uri.ToString(),
            },
            PostgresPerDienst = new Dictionary<string, string>
            {
                ["maatregelregistratie"] = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Port = DatabaseProxy.Port }.ConnectionString,
            },
            // Figures for operators every two seconds (default 15), so the tests that read them need not wait long.
            Extra = Topologie.Topologie.Diensten.ToDictionary(d => d.Naam, d => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["Jbk__Metingen__Interval"] = "00:00:02",
            }.Concat(d.Naam switch
            {
                // Slow enough that a kill right after approving lands before activation.
                "clientenstop" => [KeyValuePair.Create("Clientenstop__Bewaking__Interval", "00:00:03")],
                // The deadline watch (and the end of lapsed measures by law) every 20 seconds (default 15 minutes).
                "maatregelregistratie" => [KeyValuePair.Create("Maatregelregistratie__TermijnBewaking__Interval", "00:00:20")],
                _ => Array.Empty<KeyValuePair<string, string>>(),
            }).ToDictionary()),
        };
        Weergave.MaakSleutels(Inzet);
        SigningKey = SigningKeys.LoadPrivateKey(Inzet.IdpSleutel);
        _processen = Weergave.Lokaal(Inzet).Select(p => new ServiceProcess(p, _dir)).ToList();
    }

    public LokaleInzet Inzet { get; }

    /// <summary>The identity provider's key, which the services trust; tests mint tokens with it.</summary>
    public ECDsa SigningKey { get; }

    public TcpProxy BrokerProxy { get; }

    /// <summary>Between maatregelregistratie and its PostgreSQL server (its database and its leases).</summary>
    public TcpProxy DatabaseProxy { get; }
    public IReadOnlyList<ServiceProcess> Processen => _processen;
    public IEnumerable<ServiceProcess> Instanties(string dienst) => _processen.Where(p => p.Name == dienst || p.Name.StartsWith(dienst + "-", StringComparison.Ordinal));
    public ServiceProcess Maatregelregistratie => Instanties("maatregelregistratie").First();
    public ServiceProcess Capaciteit => Instanties("capaciteit").First();
    public ServiceProcess Overdracht => Instanties("overdracht").First();
    public ServiceProcess Clientenstop => Instanties("clientenstop").First();
    public ServiceProcess Gateway => Instanties(Topologie.Topologie.GatewayNaam).Single();

    public static readonly IReadOnlyDictionary<string, string> GrpcServices =
        Topologie.Topologie.Alle.ToDictionary(d => d.Naam, d => d.HeeftToestand ? d.GrpcServices[0].FullName : "");

    public string DatabaseConnectionString(string service) =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = $"{Inzet.DatabaseVoorvoegsel}_{service}" }.ConnectionString;

    /// <summary>
    /// A token as the deployment would issue it: the identity provider's for people (30 minutes), a service's own key
    /// for that service (five minutes, the services' maximum).
    /// </summary>
    public string Token(Organisatie organisatie)
    {
        if (organisatie.Soort != OrganisatieSoort.Dienst)
            return TokenMinter.Mint(SigningKey, organisatie, "test-gebruiker", TimeSpan.FromMinutes(30));
        using var sleutel = SigningKeys.LoadPrivateKey(Path.Combine(Inzet.SleutelMap, $"dienst-{organisatie.Code}.pem"));
        return TokenMinter.Mint(sleutel, organisatie, organisatie.Code!, TimeSpan.FromMinutes(5));
    }

    public GrpcChannel Channel(ServiceProcess service, Organisatie organisatie) => Kanaal.Met(service.Address, Token(organisatie));

    public MaatregelService.MaatregelServiceClient Maatregelen(Organisatie org) => new(Channel(Maatregelregistratie, org));
    public CapaciteitService.CapaciteitServiceClient CapaciteitClient(Organisatie org) => new(Channel(Capaciteit, org));

    /// <summary>Channels per service and organisation, reused, as the simulation's chain partners call the platform.</summary>
    public Jbk.Simulatie.Kanalen Kanalen()
    {
        var kanalen = new Dictionary<(string, Organisatie), Grpc.Core.CallInvoker>();
        Func<Organisatie, Grpc.Core.CallInvoker> Naar(ServiceProcess service) => org =>
        {
            lock (kanalen)
                return kanalen.TryGetValue((service.Name, org), out var k) ? k : kanalen[(service.Name, org)] = Channel(service, org).CreateCallInvoker();
        };
        return new Jbk.Simulatie.Kanalen(Naar(Maatregelregistratie), Naar(Capaciteit), Naar(Overdracht));
    }

    public async Task<int> LoadAsync(string gi) =>
        (await CapaciteitClient(Organisatie.Operator).GeefBelastingAsync(new GeefBelastingRequest { GiCode = gi })).LopendeMaatregelen;

    /// <summary>Starts (or restarts) one process and waits until it is ready: SERVING for its services, /readyz for the gateway.</summary>
    public async Task StartAsync(ServiceProcess service)
    {
        service.Start();
        var dienst = service.Name.Split('-')[0];
        await service.WaitUntilServingAsync(GrpcServices[dienst]);
    }

    public async Task InitializeAsync()
    {
        try
        {
            // A service is ready once the services it calls are: start them all, then wait for each.
            foreach (var p in _processen) p.Start();
            foreach (var p in _processen) await p.WaitUntilServingAsync(GrpcServices[p.Name.Split('-')[0]]);
        }
        catch
        {
            await DisposeAsync(); // a start that fails stops what it started
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _processen) await s.DisposeAsync();
        await BrokerProxy.DisposeAsync();
        await DatabaseProxy.DisposeAsync();
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres + ";Database=postgres");
        await connection.OpenAsync();
        foreach (var d in Topologie.Topologie.Diensten)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Inzet.DatabaseVoorvoegsel}_{d.Naam} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>A distributed platform on a RabbitMQ virtual host of its own, for tests that run beside the shared one.</summary>
public sealed class EigenPlatform(string vhost) : DistributedPlatform(1, vhost);

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedPlatform>
{
    public const string Name = "distributed platform";
}
