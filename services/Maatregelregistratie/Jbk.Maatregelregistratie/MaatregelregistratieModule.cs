using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Maatregelen.V1;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;
using Jbk.Maatregelregistratie.Grpc;
using Jbk.Maatregelregistratie.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Jbk.Maatregelregistratie;

public sealed class MaatregelregistratieModule : IJbkModule
{
    public const string DienstNaam = "maatregelregistratie";
    public string Naam => DienstNaam;
    public string GrpcServiceNaam => MaatregelService.Descriptor.FullName;

    /// <summary>The normenkader's durations: policy, not law, so the deployment may tune them at run time (Dapr configuration).</summary>
    public IReadOnlyList<string> Configuratiesleutels =>
    [
        "Maatregelregistratie:Regels:EersteContactWerkdagen",
        "Maatregelregistratie:Regels:VeiligheidstaxatieWerkdagen",
        "Maatregelregistratie:Regels:PlanVanAanpakWeken",
        "Maatregelregistratie:Regels:MeldingGeenVerlengingMaandenVoorEinde",
    ];

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<MaatregelOpties>(builder.Configuration.GetSection("Maatregelregistratie:Regels"));
        builder.Services.Configure<FeestdagenOpties>(builder.Configuration.GetSection("Maatregelregistratie:Feestdagen"));
        builder.Services.Configure<TermijnBewakingOpties>(builder.Configuration.GetSection("Maatregelregistratie:TermijnBewaking"));
        builder.Services.AddSingleton(sp => new Feestdagen(sp.GetRequiredService<IOptions<FeestdagenOpties>>().Value));
        builder.Services.AddSingleton<Werkdagen>();
        builder.Services.AddSingleton(sp =>
        {
            var opties = sp.GetRequiredService<IOptionsMonitor<MaatregelOpties>>();
            return new TermijnBerekening(() => opties.CurrentValue, sp.GetRequiredService<Werkdagen>());
        });
        builder.AddJbkDbContext<MaatregelDbContext>(Naam);
        builder.AddToegangslog<MaatregelDbContext>(MaatregelService.Descriptor.FullName);
        builder.Services.AddHostedService<TermijnBewaking>();
        builder.Services.AddSingleton<Jbk.BuildingBlocks.Telemetry.IStandbron, MaatregelStand>();
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) { }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<MaatregelGrpcService>();
}
