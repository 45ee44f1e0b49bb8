using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>
/// One service as a library: it registers its state, its consumers and its gRPC endpoints.
/// A service's own host runs one module; the embedded platform runs all four in one process.
/// </summary>
public interface IJbkModule
{
    /// <summary>The service's name: its database, its health tag, its metric prefix. For example "capaciteit".</summary>
    string Naam { get; }

    /// <summary>The fully qualified gRPC service name, for health checks, e.g. "jbk.capaciteit.v1.CapaciteitService".</summary>
    string GrpcServiceNaam { get; }

    /// <summary>Every gRPC service the module maps (the gateway routes these names to the module's service).</summary>
    IReadOnlyList<string> GrpcServiceNamen => [GrpcServiceNaam];

    /// <summary>
    /// Settings the module reads at run time that the deployment may change without a restart (with Dapr: from its
    /// configuration store, kept current by its subscription).
    /// </summary>
    IReadOnlyList<string> Configuratiesleutels => [];

    void AddServices(IHostApplicationBuilder builder);

    void AddConsumers(IBusRegistrationConfigurator bus);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
