using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jbk.BuildingBlocks.Messaging;

public static class MessagingSetup
{
    private static readonly KebabCaseEndpointNameFormatter Wachtrijnamen = new(includeNamespace: true);

    /// <summary>
    /// One bus per process with the consumers of every module it hosts: RabbitMQ in distributed mode,
    /// MassTransit's in-memory transport in embedded mode. Queues are named after the consumer's full
    /// type name, so two services never compete for each other's messages.
    /// </summary>
    public static IHostApplicationBuilder AddJbkMessaging(this IHostApplicationBuilder builder, IReadOnlyCollection<IJbkModule> modules)
    {
        var options = builder.Configuration.GetSection("Jbk:Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddSingleton<BusMeting>();
        builder.Services.AddConsumeObserver(sp => sp.GetRequiredService<BusMeting>());
        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry(); // no network here, and no reason to report usage
            x.SetEndpointNameFormatter(Wachtrijnamen);
            foreach (var module in modules) module.AddConsumers(x);

            if (options.Transport == Transport.RabbitMq)
            {
                if (string.IsNullOrWhiteSpace(options.RabbitMq))
                    VereisteInstellingen.Van(builder).Vereis("Jbk:Messaging:RabbitMq", "de AMQP-URI van RabbitMQ (Jbk:Messaging:Transport is RabbitMq)");
                var broker = string.IsNullOrWhiteSpace(options.RabbitMq) ? "amqp://ontbreekt.invalid/" : options.RabbitMq;
                builder.Services.AddSingleton(new BrokerVerbondenCheck(broker));
                builder.Services.AddSingleton<IStandbron>(sp => new FoutwachtrijStand(sp.GetRequiredService<BrokerVerbondenCheck>(), Wachtrijnamen));
                builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("broker-bereikbaar",
                    sp => sp.GetRequiredService<BrokerVerbondenCheck>(), Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy,
                    [Gezondheid.Gereed, Gezondheid.Bus]));
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(broker));
                    ConfigureCommon(context, cfg);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureCommon(context, cfg));
            }
        });
        return builder;
    }

    private static void ConfigureCommon<T>(IBusRegistrationContext context, IBusFactoryConfigurator<T> cfg)
        where T : IReceiveEndpointConfigurator
    {
        // Transient faults (a locked SQLite file, a dropped database connection) are retried in place;
        // what still fails goes to the consumer's _error queue, where an operator sees it.
        cfg.UseMessageRetry(r =>
        {
            r.Intervals(100, 500, 1000, 2000, 5000);
            r.ConnectRetryObserver(context.GetRequiredService<BusMeting>());
        });
        cfg.ConfigureEndpoints(context);
    }
}
