using System.Net;
using Jbk.Topologie;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Jbk.Gateway;

/// <summary>
/// The gateway's routing table, made from the topology: a route per gRPC service (<c>/&lt;package.Service&gt;/*</c>) to
/// the cluster of the service that serves it; a cluster's destinations are the addresses in <c>Jbk:Diensten:&lt;dienst&gt;</c>
/// (its replicas), balanced round robin, and a destination that fails is left alone for a while (passive health).
/// </summary>
internal static class Routes
{
    public static IReadOnlyList<RouteConfig> Maak() =>
        Topologie.Topologie.Diensten.SelectMany(d => d.GrpcServices.Select(s => new RouteConfig
        {
            RouteId = s.FullName,
            ClusterId = d.Naam,
            Match = new RouteMatch { Path = $"/{s.FullName}/{{**methode}}" },
        })).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(IReadOnlyDictionary<string, IReadOnlyList<Uri>> adressen) =>
        Topologie.Topologie.Diensten.Select(d => new ClusterConfig
        {
            ClusterId = d.Naam,
            LoadBalancingPolicy = "RoundRobin",
            HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            HealthCheck = new HealthCheckConfig
            {
                Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(10) },
            },
            Destinations = adressen[d.Naam].Select((a, i) => (a, i)).ToDictionary(x => $"{d.Naam}-{x.i + 1}", x => new DestinationConfig { Address = x.a.ToString() }),
        }).ToList();
}
