using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Maatregelen.V1;
using Jbk.Maatregelregistratie.Grpc;
using Jbk.Maatregelregistratie.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Jbk.Maatregelregistratie;

public sealed class MaatregelregistratieModule : IJbkModule
{
    public string Naam => "maatregelregistratie";
    public string GrpcServiceNaam => MaatregelService.Descriptor.FullName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddJbkDbContext<MaatregelDbContext>(Naam);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) { }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<MaatregelGrpcService>();
}
