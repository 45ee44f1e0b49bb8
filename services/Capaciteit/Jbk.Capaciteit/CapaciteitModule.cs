using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Consumers;
using Jbk.Capaciteit.Grpc;
using Jbk.Capaciteit.Persistence;
using Jbk.Capaciteit.V1;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Jbk.Capaciteit.Domain;

namespace Jbk.Capaciteit;

public sealed class CapaciteitModule : IJbkModule
{
    public string Naam => "capaciteit";
    public string GrpcServiceNaam => CapaciteitService.Descriptor.FullName;

    public IReadOnlyList<string> Configuratiesleutels => ["Capaciteit:Caseload:Norm", "Capaciteit:Caseload:Opleidingsfactor"];

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<CertificaatOpties>(builder.Configuration.GetSection("Capaciteit:Certificaten"));
        builder.Services.Configure<CaseloadOpties>(builder.Configuration.GetSection("Capaciteit:Caseload"));
        // Weights per measure type are a setting (Capaciteit:Gewichten:PerType:Muhp = 0.5, ...).
        builder.Services.AddSingleton(sp => builder.Configuration.GetSection("Capaciteit:Gewichten").Get<Gewichten>() ?? new Gewichten());
        builder.Services.AddScoped<CapaciteitStanden>();
        builder.Services.Configure<BeschikbaarheidOpties>(builder.Configuration.GetSection("Capaciteit:Beschikbaarheid"));
        builder.Services.AddSingleton<Standcache>();
        builder.Services.AddSingleton<Grpc.Beschikbaarheidsantwoorden>();
        builder.Services.AddSingleton<Jbk.BuildingBlocks.Telemetry.IStandbron, CapaciteitStand>();
        builder.AddJbkDbContext<CapaciteitDbContext>(Naam);
        builder.Services.AddScoped<ISeeder<CapaciteitDbContext>, GiRegisterSeeder>();
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddBatchConsumer<BelastingBijRegistratie>();
        bus.AddConsumer<BelastingBijBeeindiging>();
        bus.AddConsumer<BelastingBijOverdracht>();
        bus.AddConsumer<BelastingBijToewijzing>();
        bus.AddConsumer<StopBijActivering>();
        bus.AddConsumer<StopBijWijziging>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<CapaciteitGrpcService>();
}
