using Grpc.Health.V1;
using Grpc.Reflection;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Telemetry;

namespace Jbk.Gateway;

/// <summary>
/// The gateway process: gRPC (h2c) on <c>Jbk:GrpcPort</c> routed to the services by the topology; health and
/// reflection answered for the whole platform; <c>/livez</c>, <c>/readyz</c> and <c>/metrics</c> on <c>Jbk:HttpPort</c>.
/// Tokens pass through untouched: each service decides what the caller may do.
/// </summary>
public static class GatewayHost
{
    public static Task<int> RunAsync(string[] args) => JbkHost.RunAsync(() => Build(args));

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection("Jbk").Get<JbkHostOptions>() ?? new JbkHostOptions();
        builder.WebHost.ListenAsJbk(options);

        var vereist = VereisteInstellingen.Van(builder);
        var adressen = new Dictionary<string, IReadOnlyList<Uri>>();
        foreach (var dienst in Topologie.Topologie.Gateway.Roept)
        {
            vereist.Vereis(DienstAdres.Instelling(dienst), $"het gRPC-adres van {dienst} (of de adressen van zijn replica's, met komma's)");
            adressen[dienst] = DienstAdres.Lees(builder.Configuration, dienst);
        }
        vereist.Controleer(builder.Configuration, Topologie.Topologie.GatewayNaam);

        builder.AddJbkTelemetry(Topologie.Topologie.GatewayNaam);
        var health = new GatewayHealth(adressen);
        builder.Services.AddSingleton(health);
        builder.Services.AddGrpc();
        // Reflection for every service behind the gateway, so grpcurl and the like see the whole platform at one address.
        builder.Services.AddSingleton(new ReflectionServiceImpl(
            [.. Topologie.Topologie.Diensten.SelectMany(d => d.GrpcServices), Health.Descriptor]));
        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "platform", _ => health, null, [Gezondheid.Gereed]));
        builder.Services.AddReverseProxy().LoadFromMemory(Routes.Maak(), Routes.Clusters(adressen));

        var app = builder.Build();
        app.MapGrpcService<GatewayHealth>();
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGezondheid();
        app.MapPrometheusScrapingEndpoint();
        app.MapReverseProxy();
        return app;
    }
}
