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
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.Domain;
using Jbk.Clientenstop.Processen;

namespace Jbk.Clientenstop;

public sealed class ClientenstopModule : IJbkModule
{
    public const string DienstNaam = "clientenstop";
    public string Naam => DienstNaam;
    public string GrpcServiceNaam => ClientenstopService.Descriptor.FullName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddJbkDbContext<ClientenstopDbContext>(Naam);
        builder.AddDienstClient<CapaciteitService.CapaciteitServiceClient>(Naam, "capaciteit");
        builder.Services.Configure<StopBewakingOpties>(builder.Configuration.GetSection("Clientenstop:Bewaking"));
        builder.Services.Configure<NotificatieOpties>(builder.Configuration.GetSection("Clientenstop:Notificaties"));
        // With Dapr the parties are told through its output binding; without, the notifications are logged.
        if (builder.Configuration.GetValue<bool>("Jbk:Dapr:Enabled")) builder.Services.AddScoped<INotificatiekanaal, DaprNotificatiekanaal>();
        else builder.Services.AddScoped<INotificatiekanaal, LogNotificatiekanaal>();
        builder.Services.AddHostedService<NotificatieVerzender>();
        builder.Services.AddHostedService<StopBewaking>();
        builder.Services.AddSingleton<Jbk.BuildingBlocks.Telemetry.IStandbron, Persistence.ClientenstopStand>();
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<InstroomBijRegistratie>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<ClientenstopGrpcService>();
}
