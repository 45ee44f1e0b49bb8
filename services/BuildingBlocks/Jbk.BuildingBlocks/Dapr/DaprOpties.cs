namespace Jbk.BuildingBlocks.Dapr;

/// <summary>
/// Dapr where it is the right tool (Kubernetes): secrets, configuration and output bindings. Service invocation stays plain
/// gRPC. Off by default: the embedded mode, scripts and tests read everything from configuration.
/// </summary>
public sealed class DaprOpties
{
    public const string Sectie = "Jbk:Dapr";

    public bool Enabled { get; set; }

    /// <summary>The sidecar's gRPC address; default DAPR_GRPC_ENDPOINT, else http://127.0.0.1:DAPR_GRPC_PORT (50001).</summary>
    public string? GrpcEndpoint { get; set; }

    /// <summary>The configuration store the services read their tunable rules from (normenkader, caseload norm).</summary>
    public string Configuratieopslag { get; set; } = "jbk-configuratie";

    /// <summary>The output binding notifications go out through.</summary>
    public string Notificatiebinding { get; set; } = "jbk-notificaties";

    /// <summary>How long a starting process waits for its sidecar (it may start after the app).</summary>
    public TimeSpan Wachttijd { get; set; } = TimeSpan.FromSeconds(60);

    public string Adres() =>
        GrpcEndpoint is { Length: > 0 } adres ? adres
        : Environment.GetEnvironmentVariable("DAPR_GRPC_ENDPOINT") is { Length: > 0 } env ? env
        : "http://127.0.0.1:" + (Environment.GetEnvironmentVariable("DAPR_GRPC_PORT") is { Length: > 0 } poort ? poort : "50001");
}
