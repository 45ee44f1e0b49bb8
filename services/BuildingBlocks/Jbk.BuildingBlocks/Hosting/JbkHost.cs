using Jbk.BuildingBlocks.Dapr;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Messaging;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Jbk.BuildingBlocks.Invoer;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>Builds a JBK process that hosts one or more service modules. Every Program.cs is one call to this.</summary>
public static class JbkHost
{
    /// <summary>Runs the process; exit code 2 when a setting it needs is missing (the message names it).</summary>
    public static Task<int> RunAsync(string[] args, string applicationName, params IJbkModule[] modules) =>
        RunAsync(() =>
        {
            var app = Build(args, applicationName, modules);
            ControleerSleutelbestanden(app.Configuration, applicationName);
            return app;
        });

    /// <summary>Builds and runs a process (a service host or the gateway); a missing setting is printed and exits with 2.</summary>
    public static async Task<int> RunAsync(Func<WebApplication> build)
    {
        WebApplication app;
        try { app = build(); }
        catch (OntbrekendeInstellingException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, string applicationName, params IJbkModule[] modules)
    {
        // appsettings.json travel with the binaries; the data folder stays relative to where the process is started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddJbkDapr(applicationName, modules.SelectMany(m => m.Configuratiesleutels).ToList());
        var options = builder.Configuration.GetSection("Jbk").Get<JbkHostOptions>() ?? new JbkHostOptions();
        builder.WebHost.ListenAsJbk(options);

        VereisteInstellingen.ZetHierGehost(builder, modules.Select(m => m.Naam));
        builder.AddJbkTelemetry(applicationName);
        builder.Services.AddJbkMetingen();
        builder.AddJbkAuthentication();
        // The interceptors keep no state per call: one of each for the process, not one built per call.
        builder.Services.AddSingleton<Audit.ToegangslogInterceptor>();
        builder.Services.AddSingleton<DomainErrorInterceptor>();
        builder.Services.AddSingleton<Security.Autorisatie.AutorisatieInterceptor>();
        builder.Services.AddSingleton<Invoer.InvoerInterceptor>();
        builder.Services.AddScoped(typeof(Uitgesteld<>));
        // Outermost first: the access log sees the status a call ends with, after domain refusals became gRPC codes;
        // the authorization policy and the input limits are checked innermost, before the RPC reads anything, so
        // refusals are logged too.
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<Audit.ToegangslogInterceptor>();
            o.Interceptors.Add<DomainErrorInterceptor>();
            o.Interceptors.Add<Security.Autorisatie.AutorisatieInterceptor>();
            o.Interceptors.Add<Invoer.InvoerInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddBusGereedCheck();
        builder.Services.AddGrpcHealthChecks(o =>
        {
            // "" is the whole process; each gRPC service answers for its own readiness: its database, the bus,
            // and the services it calls.
            o.Services.Map("", r => r.Tags.Contains(Gezondheid.Gereed));
            foreach (var module in modules)
                foreach (var grpcService in module.GrpcServiceNamen)
                    o.Services.Map(grpcService, r => r.Tags.Contains(Gezondheid.Gereed) && (r.Tags.Contains(module.Naam) || r.Tags.Contains(Gezondheid.Bus)));
        });

        foreach (var module in modules) module.AddServices(builder);
        builder.AddJbkMessaging(modules);

        VereisteInstellingen.Van(builder).Controleer(builder.Configuration, applicationName);

        var app = builder.Build();
        app.UseGrpcMeting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOnleesbaarVerzoekWeigeren();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapGezondheid();
        app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        foreach (var module in modules) module.MapEndpoints(app);
        return app;
    }

    /// <summary>A key setting that is present but names no readable file is as much a startup error as a missing one.</summary>
    private static void ControleerSleutelbestanden(IConfiguration configuratie, string proces)
    {
        if (configuratie["Jbk:Auth:DienstSleutel"] is not { Length: > 0 } pad || SigningKeys.IsPem(pad)) return;
        var volledig = Path.Combine(JbkPaths.DataDir(configuratie), pad);
        if (!File.Exists(volledig))
            throw new OntbrekendeInstellingException(proces, ["Jbk:Auth:DienstSleutel"],
                new Dictionary<string, string> { ["Jbk:Auth:DienstSleutel"] = $"het bestand {volledig} bestaat niet" });
    }
}
