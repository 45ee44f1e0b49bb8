using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jbk.Gateway;

/// <summary>
/// grpc.health.v1 through the gateway: a named service is SERVING when one of its replicas says so; "" (the whole
/// platform) when every service has a replica that is SERVING. The same answer is the gateway's readiness.
/// </summary>
internal sealed class GatewayHealth(IReadOnlyDictionary<string, IReadOnlyList<Uri>> adressen) : Health.HealthBase, IHealthCheck
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _kanalen = new();

    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        new() { Status = await StatusAsync(request.Service, context.CancellationToken) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var niet = new List<string>();
        foreach (var d in Topologie.Topologie.Diensten)
            if (await StatusAsync(d.GrpcServices[0].FullName, cancellationToken) != HealthCheckResponse.Types.ServingStatus.Serving) niet.Add(d.Naam);
        return niet.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"niet gereed: {string.Join(", ", niet)}");
    }

    private async Task<HealthCheckResponse.Types.ServingStatus> StatusAsync(string service, CancellationToken ct)
    {
        if (service.Length == 0)
            return (await CheckHealthAsync(new HealthCheckContext(), ct)).Status == HealthStatus.Healthy
                ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing;
        var dienst = Topologie.Topologie.DienstVoor(service)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"De gateway kent geen gRPC-service {Kort(service)}."));
        foreach (var adres in adressen[dienst.Naam])
        {
            try
            {
                var client = new Health.HealthClient(_kanalen.GetOrAdd(adres, a => GrpcChannel.ForAddress(a)));
                var antwoord = await client.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: ct);
                if (antwoord.Status == HealthCheckResponse.Types.ServingStatus.Serving) return antwoord.Status;
            }
            catch (RpcException) { } // this replica is away; another may answer
        }
        return HealthCheckResponse.Types.ServingStatus.NotServing;
    }

    private static string Kort(string s) => s.Length <= 100 ? s : s[..100] + "…";
}
