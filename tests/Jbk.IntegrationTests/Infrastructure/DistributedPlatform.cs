using System.Security.Cryptography;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;
using Npgsql;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// The distributed mode for real: four host processes, each with its own PostgreSQL database, talking
/// over RabbitMQ. Maatregelregistratie reaches the broker through a proxy the tests can cut.
/// </summary>
public sealed class DistributedPlatform : IAsyncLifetime
{
    private readonly string _run = "it" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _dir;
    private readonly string _publicKeyFile;

    public DistributedPlatform()
    {
        _dir = Directory.CreateTempSubdirectory("jbk-" + _run).FullName;
        _publicKeyFile = Path.Combine(_dir, "trusted-key.pem");
        File.WriteAllText(_publicKeyFile, SigningKeys.ExportPublicKeyPem(SigningKey));
        // The overdracht service calls the others on its own account (dienst:overdracht) with a key they trust.
        var dienstSleutel = Path.Combine(_dir, "dienst-key.pem");
        File.WriteAllText(dienstSleutel, SigningKey.ExportPkcs8PrivateKeyPem());
        var broker = new Uri(TestEnvironment.RabbitMq);
        BrokerProxy = new TcpProxy(broker.Host, broker.Port);
        var viaProxy = new UriBuilder(broker) { Port = BrokerProxy.Port }.Uri.ToString();

        Maatregelregistratie = Service("maatregelregistratie", "Jbk.Maatregelregistratie.Host", viaProxy);
        Capaciteit = Service("capaciteit", "Jbk.Capaciteit.Host", TestEnvironment.RabbitMq);
        Overdracht = Service("overdracht", "Jbk.Overdracht.Host", TestEnvironment.RabbitMq, new()
        {
            ["Jbk__Auth__DienstSleutel"] = dienstSleutel,
            ["Jbk__Diensten__Maatregelregistratie"] = Maatregelregistratie.Address,
            ["Jbk__Diensten__Capaciteit"] = Capaciteit.Address,
        });
        Clientenstop = Service("clientenstop", "Jbk.Clientenstop.Host", TestEnvironment.RabbitMq, new()
        {
            ["Jbk__Auth__DienstSleutel"] = dienstSleutel,
            ["Jbk__Diensten__Capaciteit"] = Capaciteit.Address,
            ["Clientenstop__Bewaking__Interval"] = "00:00:03", // slow enough that a kill right after approving lands before activation
        });
    }

    /// <summary>The key the services trust; tests mint tokens with it.</summary>
    public ECDsa SigningKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TcpProxy BrokerProxy { get; }
    public ServiceProcess Maatregelregistratie { get; }
    public ServiceProcess Capaciteit { get; }
    public ServiceProcess Overdracht { get; }
    public ServiceProcess Clientenstop { get; }
    private IEnumerable<ServiceProcess> All => [Maatregelregistratie, Capaciteit, Overdracht, Clientenstop];

    public static readonly IReadOnlyDictionary<string, string> GrpcServices = new Dictionary<string, string>
    {
        ["maatregelregistratie"] = MaatregelService.Descriptor.FullName,
        ["capaciteit"] = CapaciteitService.Descriptor.FullName,
        ["overdracht"] = OverdrachtService.Descriptor.FullName,
        ["clientenstop"] = ClientenstopService.Descriptor.FullName,
    };

    public string DatabaseConnectionString(string service) =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = $"jbk_{_run}_{service}" }.ConnectionString;

    public string Token(Organisatie organisatie) => TokenMinter.Mint(SigningKey, organisatie, "test-gebruiker", TimeSpan.FromMinutes(30));

    public GrpcChannel Channel(ServiceProcess service, Organisatie organisatie) => Kanaal.Met(service.Address, Token(organisatie));

    public MaatregelService.MaatregelServiceClient Maatregelen(Organisatie org) => new(Channel(Maatregelregistratie, org));
    public CapaciteitService.CapaciteitServiceClient CapaciteitClient(Organisatie org) => new(Channel(Capaciteit, org));

    public async Task<int> LoadAsync(string gi) =>
        (await CapaciteitClient(Organisatie.Operator).GeefBelastingAsync(new GeefBelastingRequest { GiCode = gi })).LopendeMaatregelen;

    public async Task StartAsync(ServiceProcess service)
    {
        service.Start();
        await service.WaitUntilServingAsync(GrpcServices[service.Name]);
    }

    public async Task InitializeAsync()
    {
        await Task.WhenAll(All.Select(StartAsync));
    }

    public async Task DisposeAsync()
    {
        foreach (var s in All) await s.DisposeAsync();
        await BrokerProxy.DisposeAsync();
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres + ";Database=postgres");
        await connection.OpenAsync();
        foreach (var name in GrpcServices.Keys)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS jbk_{_run}_{name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private ServiceProcess Service(string name, string project, string rabbitMq, Dictionary<string, string>? extra = null) =>
        new(name, project, new Dictionary<string, string>(extra ?? [])
    {
        ["Jbk__Database__Provider"] = "Postgres",
        [$"ConnectionStrings__{name}"] = DatabaseConnectionString(name),
        ["Jbk__Messaging__Transport"] = "RabbitMq",
        ["Jbk__Messaging__RabbitMq"] = rabbitMq,
        ["Jbk__Auth__PublicKeys__0"] = _publicKeyFile,
        ["Jbk__DataDir"] = _dir,
    }, _dir);
}

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedPlatform>
{
    public const string Name = "distributed platform";
}
