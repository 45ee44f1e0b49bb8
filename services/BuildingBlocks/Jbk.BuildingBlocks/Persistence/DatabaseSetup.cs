using Jbk.BuildingBlocks.Hosting;
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
    /// its schema at start-up, and starts the relay of its outbox.
    /// </summary>
    public static IHostApplicationBuilder AddJbkDbContext<TContext>(this IHostApplicationBuilder builder, string service)
        where TContext : JbkDbContext
    {
        var options = builder.Configuration.GetSection("Jbk:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ConnectionString(builder.Configuration, options, service);
        builder.Services.AddSingleton<OutboxSignal<TContext>>();
        builder.Services.AddDbContext<TContext>((sp, o) =>
        {
            if (options.Provider == DatabaseProvider.Postgres)
                o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(3).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
            else
                o.UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
            o.AddInterceptors(new OutboxSavedInterceptor<TContext>(sp.GetRequiredService<OutboxSignal<TContext>>()));
        });
        builder.Services.AddHostedService(sp => new DatabaseInitializer<TContext>(sp, options.Provider));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{service}-database", tags: [service]);
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
