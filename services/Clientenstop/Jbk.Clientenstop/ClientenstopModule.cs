using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Clientenstop.V1;
using Jbk.Clientenstop.Consumers;
using Jbk.Clientenstop.Grpc;
using Jbk.Clientenstop.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jbk.Clientenstop;

public sealed class ClientenstopModule : IJbkModule
{
    public string Naam => "clientenstop";
    public string GrpcServiceNaam => ClientenstopService.Descriptor.FullName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddJbkDbContext<ClientenstopDbContext>(Naam);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<InstroomBijRegistratie>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<ClientenstopGrpcService>();
}
