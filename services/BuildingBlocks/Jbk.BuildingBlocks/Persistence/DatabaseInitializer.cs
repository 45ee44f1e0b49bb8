using Jbk.BuildingBlocks.Processen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// Brings the schema up to date before anything else runs: PostgreSQL by the service's migrations,
/// SQLite (embedded mode, throw-away data) by creating the schema from the model.
/// </summary>
internal sealed class DatabaseInitializer<TContext>(IServiceProvider services, DatabaseProvider provider, string service) : IHostedService
    where TContext : JbkDbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // Replicas start together: one migrates (and seeds) at a time, the others find it done.
        await using var lease = await WachtOpLeaseAsync(services.GetRequiredKeyedService<ILeases>(service), $"schema-{service}", cancellationToken);
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

    private static async Task<ILease> WachtOpLeaseAsync(ILeases leases, string naam, CancellationToken ct)
    {
        using var termijn = CancellationTokenSource.CreateLinkedTokenSource(ct);
        termijn.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                if (await leases.ProbeerAsync(naam, termijn.Token) is { } lease) return lease;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is not reachable yet (it may be starting too): ask again.
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(250), termijn.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Het schema van {naam} kon twee minuten lang niet worden bijgewerkt: de database is onbereikbaar of een andere instantie houdt de lease vast.");
            }
        }
    }
}

/// <summary>Reference data a service ships (the GI registry, for example). Must be idempotent: it runs at every start.</summary>
public interface ISeeder<in TContext> where TContext : JbkDbContext
{
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
