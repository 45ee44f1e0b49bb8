using System.Net;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Messaging;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>Builds a JBK process that hosts one or more service modules. Every Program.cs is one call to this.</summary>
public static class JbkHost
{
    public static async Task RunAsync(string[] args, string applicationName, params IJbkModule[] modules) =>
        await Build(args, applicationName, modules).RunAsync();

    public static WebApplication Build(string[] args, string applicationName, params IJbkModule[] modules)
    {
        // appsettings.json travel with the binaries; the data folder stays relative to where the process is started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection("Jbk").Get<JbkHostOptions>() ?? new JbkHostOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            var address = IPAddress.Parse(options.ListenAddress);
            k.Listen(address, options.GrpcPort, o => o.Protocols = HttpProtocols.Http2);
            k.Listen(address, options.HttpPort, o => o.Protocols = HttpProtocols.Http1);
        });

        builder.AddJbkTelemetry(applicationName);
        builder.AddJbkAuthentication();
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainErrorInterceptor>());
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(o =>
        {
            // "" is the whole process; each gRPC service answers for its own checks (its database).
            foreach (var module in modules)
                o.Services.Map(module.GrpcServiceNaam, r => r.Tags.Contains(module.Naam));
        });

        foreach (var module in modules) module.AddServices(builder);
        builder.AddJbkMessaging(modules);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        foreach (var module in modules) module.MapEndpoints(app);
        return app;
    }
}
