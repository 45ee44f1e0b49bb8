using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Overdracht.V1;
using Jbk.Overdracht.Processen;
using Jbk.Maatregelen.V1;
using Jbk.Capaciteit.V1;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Jbk.Overdracht.Consumers;
using Jbk.Overdracht.Grpc;
using Jbk.Overdracht.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Jbk.BuildingBlocks.Kalender;

namespace Jbk.Overdracht;

public sealed class OverdrachtModule : IJbkModule
{
    public const string DienstNaam = "overdracht";
    public string Naam => DienstNaam;
    public string GrpcServiceNaam => OverdrachtService.Descriptor.FullName;
    public IReadOnlyList<string> GrpcServiceNamen => [OverdrachtService.Descriptor.FullName, ScenarioService.Descriptor.FullName];

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddJbkDbContext<OverdrachtDbContext>(Naam);
        builder.AddToegangslog<OverdrachtDbContext>(OverdrachtService.Descriptor.FullName, ScenarioService.Descriptor.FullName);
        builder.AddDienstClient<MaatregelService.MaatregelServiceClient>(Naam, "maatregelregistratie");
        builder.AddDienstClient<CapaciteitService.CapaciteitServiceClient>(Naam, "capaciteit");
        builder.Services.AddScoped<Controleur>();
        builder.Services.AddScoped<Rapportbronnen>();
        builder.Services.AddSingleton<OverdrachtSignaal>();
        builder.Services.AddSingleton<ScenarioSignaal>();
        builder.Services.AddSingleton<Jbk.BuildingBlocks.Telemetry.IStandbron, OverdrachtStand>();
        builder.Services.AddHostedService<OverdrachtVoortzetter>();
        builder.Services.AddScoped<ScenarioBron>();
        builder.Services.AddScoped<WatAlsBron>();
        builder.Services.AddHostedService<ScenarioUitvoerder>();
        builder.Services.AddOptions<OverdrachtOpties>().Bind(builder.Configuration.GetSection("Overdracht"))
            .Validate(o => o.GelijktijdigeStappen >= 1, "Overdracht:GelijktijdigeStappen moet minstens 1 zijn.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(new Werkdagen(new Feestdagen()));
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddBatchConsumer<StandBijRegistratie>();
        bus.AddConsumer<StandBijOverdracht>();
        bus.AddConsumer<StandBijVerlenging>();
        bus.AddConsumer<StandBijBeeindiging>();
        bus.AddConsumer<VoltooiingBijToewijzing>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<OverdrachtGrpcService>();
        endpoints.MapGrpcService<ScenarioGrpcService>();
    }
}
