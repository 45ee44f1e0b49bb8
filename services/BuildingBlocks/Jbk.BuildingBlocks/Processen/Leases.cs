using System.Collections.Concurrent;
using Medallion.Threading.Postgres;

namespace Jbk.BuildingBlocks.Processen;

/// <summary>
/// Who may do a background process's work now. With several replicas of a service on one database exactly one
/// holds a process's lease; when it dies its database session ends and another takes over.
/// </summary>
public interface ILeases
{
    /// <summary>The lease named <paramref name="naam"/>, or null when another instance holds it.</summary>
    Task<ILease?> ProbeerAsync(string naam, CancellationToken ct);
}

public interface ILease : IAsyncDisposable
{
    /// <summary>Cancelled when the lease is lost (the database connection that holds it broke).</summary>
    CancellationToken Verloren { get; }
}

/// <summary>
/// PostgreSQL advisory locks, held on a connection of their own for as long as the lease lasts. The lock connection
/// spends its time in a monitoring query; <c>client_connection_check_interval</c> makes the server notice within two
/// seconds that the holder died (kill -9), and end its session, so the lease frees at once instead of after the query.
/// The locks live in the server's <c>postgres</c> database, named after the service's own database, so a lease can be
/// held before that database exists (the first replica creates it by migrating, under a lease).
/// </summary>
public sealed class PostgresLeases : ILeases
{
    private readonly string _verbinding;
    private readonly string _voorvoegsel;

    public PostgresLeases(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        _voorvoegsel = $"jbk:{builder.Database}:";
        builder.Database = "postgres";
        builder.Options = "-c client_connection_check_interval=2000";
        _verbinding = builder.ConnectionString;
    }

    public async Task<ILease?> ProbeerAsync(string naam, CancellationToken ct)
    {
        var slot = new PostgresDistributedLock(new PostgresAdvisoryLockKey(_voorvoegsel + naam, allowHashing: true), _verbinding,
            o => o.KeepaliveCadence(TimeSpan.FromSeconds(5)));
        var handle = await slot.TryAcquireAsync(TimeSpan.Zero, ct);
        return handle is null ? null : new Lease(handle, handle.HandleLostToken);
    }

    private sealed class Lease(IAsyncDisposable handle, CancellationToken verloren) : ILease
    {
        public CancellationToken Verloren => verloren;
        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }
}

/// <summary>The embedded mode (SQLite, one process): a lease is a lock inside the process.</summary>
public sealed class ProcesLeases : ILeases
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _sloten = new();

    public async Task<ILease?> ProbeerAsync(string naam, CancellationToken ct)
    {
        var slot = _sloten.GetOrAdd(naam, _ => new SemaphoreSlim(1, 1));
        return await slot.WaitAsync(TimeSpan.Zero, ct) ? new Lease(slot) : null;
    }

    private sealed class Lease(SemaphoreSlim slot) : ILease
    {
        public CancellationToken Verloren => CancellationToken.None;
        public ValueTask DisposeAsync() { slot.Release(); return ValueTask.CompletedTask; }
    }
}
