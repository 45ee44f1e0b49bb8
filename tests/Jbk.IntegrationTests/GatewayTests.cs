using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.IntegrationTests.Infrastructure;

namespace Jbk.IntegrationTests;

/// <summary>One address for clients: the gateway routes by gRPC service name, and answers health and reflection for all.</summary>
[Collection(DistributedCollection.Name)]
public sealed class GatewayTests(DistributedPlatform platform)
{
    private static readonly IReadOnlyList<string> AlleServices =
        Topologie.Topologie.Diensten.SelectMany(d => d.GrpcServices).Select(s => s.FullName).ToList();

    [Fact]
    public async Task Health_and_reflection_through_the_gateway_cover_every_service_of_the_platform()
    {
        using var kanaal = GrpcChannel.ForAddress(platform.Gateway.Address);
        var health = new Health.HealthClient(kanaal);
        foreach (var service in AlleServices.Append(""))
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status);
        var onbekend = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "jbk.bestaat.v1.Niet" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, onbekend.StatusCode);

        var gereflecteerd = await Reflectie.ServicesAsync(kanaal);
        foreach (var service in AlleServices) Assert.Contains(service, gereflecteerd);
    }

    [Fact]
    public async Task Calls_are_routed_by_service_name_and_the_services_still_decide_who_may_call()
    {
        var metToken = new CapaciteitService.CapaciteitServiceClient(platform.Channel(platform.Gateway, Organisatie.Rvdk));
        Assert.NotEmpty((await metToken.ListInstellingenAsync(new ListInstellingenRequest())).Instellingen);

        using var zonder = GrpcChannel.ForAddress(platform.Gateway.Address);
        var geweigerd = await Assert.ThrowsAsync<RpcException>(() => new CapaciteitService.CapaciteitServiceClient(zonder).ListInstellingenAsync(new ListInstellingenRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, geweigerd.StatusCode);
    }
}
