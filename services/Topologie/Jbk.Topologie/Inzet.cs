namespace Jbk.Topologie;

/// <summary>One process to start: which kind, which replica, on which ports, with which settings.</summary>
public sealed record Proces(Dienst Dienst, int Replica, int GrpcPoort, int HttpPoort, IReadOnlyDictionary<string, string> Omgeving)
{
    public string Naam => Replica == 0 ? Dienst.Naam : $"{Dienst.Naam}-{Replica + 1}";
    public string GrpcAdres => $"http://127.0.0.1:{GrpcPoort}";
}

/// <summary>What the local distributed mode needs from outside: the infrastructure and where keys and data live.</summary>
public sealed record LokaleInzet
{
    public required string Postgres { get; init; }
    public required string RabbitMq { get; init; }
    /// <summary>Keys (<c>sleutels/</c>), the services' data folder (<c>data/</c>).</summary>
    public required string Map { get; init; }
    public int PoortBasis { get; init; } = 5100;
    public int Replicas { get; init; } = 1;
    /// <summary>Databases are <c>&lt;voorvoegsel&gt;_&lt;dienst&gt;</c>.</summary>
    public string DatabaseVoorvoegsel { get; init; } = "jbk";
    /// <summary>A broker address per service where it differs (a test puts a proxy in between to cut one service off).</summary>
    public IReadOnlyDictionary<string, string> RabbitMqPerDienst { get; init; } = new Dictionary<string, string>();
    /// <summary>A PostgreSQL server per service where it differs (a test puts a proxy in between to take the database away).</summary>
    public IReadOnlyDictionary<string, string> PostgresPerDienst { get; init; } = new Dictionary<string, string>();
    /// <summary>Settings a rehearsal or test adds per service (never the topology's own: those it cannot override).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Extra { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public string SleutelMap => Path.Combine(Map, "sleutels");
    public string DataMap => Path.Combine(Map, "data");

    /// <summary>The identity provider's private key, where the CLI looks for it with <c>--data-dir &lt;Map&gt;/data</c>.</summary>
    public string IdpSleutel => Path.Combine(DataMap, "keys", "jbk-signing-key.pem");
}
