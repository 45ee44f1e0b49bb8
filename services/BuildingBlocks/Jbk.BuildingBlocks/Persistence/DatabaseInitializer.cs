using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// Brings the schema up to date before anything else runs: PostgreSQL by the service's migrations,
/// SQLite (embedded mode, throw-away data) by creating the schema from the model.
/// </summary>
internal sealed class DatabaseInitializer<TContext>(IServiceProvider services, DatabaseProvider provider) : IHostedService
    where TContext : JbkDbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (provider == DatabaseProvider.Postgres)
            await db.Database.MigrateAsync(cancellationToken);
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
            // WAL lets the relay read while a request writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder<TContext>>())
            await seeder.SeedAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Reference data a service ships (the GI registry, for example). Must be idempotent: it runs at every start.</summary>
public interface ISeeder<in TContext> where TContext : JbkDbContext
{
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
