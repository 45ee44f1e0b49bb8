using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Overdracht.V1;
using Jbk.Overdracht.Consumers;
using Jbk.Overdracht.Grpc;
using Jbk.Overdracht.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jbk.Overdracht;

public sealed class OverdrachtModule : IJbkModule
{
    public string Naam => "overdracht";
    public string GrpcServiceNaam => OverdrachtService.Descriptor.FullName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddJbkDbContext<OverdrachtDbContext>(Naam);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StandBijRegistratie>();
        bus.AddConsumer<StandBijOverdracht>();
        bus.AddConsumer<StandBijVerlenging>();
        bus.AddConsumer<StandBijBeeindiging>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<OverdrachtGrpcService>();
}
