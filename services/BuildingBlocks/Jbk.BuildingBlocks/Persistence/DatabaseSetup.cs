using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Processen;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Jbk.BuildingBlocks.Persistence;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers a service's DbContext on SQLite (embedded) or PostgreSQL (distributed), creates or migrates
    /// its schema at start-up, and starts the relay of its outbox. Registers the service's leases (keyed by
    /// <paramref name="service"/>): advisory locks in its PostgreSQL database, a lock in the process on SQLite.
    /// </summary>
    public static IHostApplicationBuilder AddJbkDbContext<TContext>(this IHostApplicationBuilder builder, string service)
        where TContext : JbkDbContext
    {
        var options = builder.Configuration.GetSection("Jbk:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var serverOntbreekt = options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.Postgres)
            && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(service));
        if (serverOntbreekt)
            VereisteInstellingen.Van(builder).Vereis("Jbk:Database:Postgres",
                $"de PostgreSQL-server (verbindingsreeks zonder database; of ConnectionStrings:{service})");
        // A placeholder when it is missing: the build stops on the list of missing settings before anything connects.
        var connectionString = serverOntbreekt ? "Host=ontbreekt.invalid" : ConnectionString(builder.Configuration, options, service);
        builder.Services.AddSingleton<OutboxSignal<TContext>>();
        builder.Services.AddSingleton<Wijzigingen<TContext>>();
        // Pooled: a context is rented per scope and reset on return, instead of built per call (measured: building one
        // took an eighth of the RvdK's availability question, which does not even use it).
        builder.Services.AddDbContextPool<TContext>((sp, o) =>
        {
            if (options.Provider == DatabaseProvider.Postgres)
                o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(3).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
            else
                o.UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
            o.AddInterceptors(new OutboxSavedInterceptor<TContext>(sp.GetRequiredService<OutboxSignal<TContext>>(), sp.GetRequiredService<Wijzigingen<TContext>>()));
        });
        builder.Services.AddHostedService(sp => new DatabaseInitializer<TContext>(sp, options.Provider, service));
        builder.Services.AddKeyedSingleton<ILeases>(service, (_, _) =>
            options.Provider == DatabaseProvider.Postgres ? new PostgresLeases(connectionString) : new ProcesLeases());
        builder.Services.AddHostedService(sp => new OutboxRelay<TContext>(service, sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IBus>(), sp.GetRequiredService<OutboxSignal<TContext>>(), sp.GetRequiredKeyedService<ILeases>(service),
            sp.GetRequiredService<ILogger<OutboxRelay<TContext>>>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{service}-database", tags: [service, Gezondheid.Gereed]);
        builder.Services.AddSingleton<Telemetry.IStandbron>(new OutboxStand<TContext>(service));
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseOptions options, string service)
    {
        if (configuration.GetConnectionString(service) is { Length: > 0 } explicitString) return explicitString;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.Postgres))
                throw new InvalidOperationException(
                    $"Jbk:Database:Provider is Postgres, maar Jbk:Database:Postgres en ConnectionStrings:{service} ontbreken.");
            return new NpgsqlConnectionStringBuilder(options.Postgres) { Database = $"jbk_{service}" }.ConnectionString;
        }
        var dataDir = JbkPaths.DataDir(configuration);
        Directory.CreateDirectory(dataDir);
        return $"Data Source={Path.Combine(dataDir, service + ".db")}";
    }
}
