namespace Jbk.BuildingBlocks.Hosting;

/// <summary>Configuration section <c>Jbk</c>: where the process listens.</summary>
public sealed class JbkHostOptions
{
    /// <summary>Loopback by default; 0.0.0.0 in a container.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>gRPC (HTTP/2 without TLS; TLS ends at the ingress or the Dapr sidecar).</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>HTTP/1.1: /metrics for Prometheus and /healthz for probes.</summary>
    public int HttpPort { get; set; } = 5081;
}
