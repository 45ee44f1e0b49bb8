using GrpcService = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Jbk.Topologie;

/// <summary>
/// One process kind of the distributed mode: a service (or the gateway), its host project, its place in the port
/// plan, the gRPC services it serves and the services it calls.
/// </summary>
public sealed record Dienst(string Naam, string HostProject, int Plaats, IReadOnlyList<GrpcService> GrpcServices, IReadOnlyList<string> Roept)
{
    /// <summary>True for the four services with a database and the bus; false for the gateway.</summary>
    public bool HeeftToestand => Naam != Topologie.GatewayNaam;

    /// <summary>Calls other services on its own account, so it needs a key of its own.</summary>
    public bool HeeftDienstSleutel => HeeftToestand && Roept.Count > 0;

    /// <summary>The host's assembly, relative to the repository root, as built in <paramref name="configuratie"/>.</summary>
    public string Dll(string configuratie)
    {
        var map = HostProject.Split('.')[1];
        return Path.Combine("services", map, HostProject, "bin", configuratie, "net10.0", HostProject + ".dll");
    }
}
