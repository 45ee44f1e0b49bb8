using Jbk.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.BuildingBlocks.Audit;

/// <summary>A service's access log: appends under a lock (one chain), reads an organisation's own entries, checks the chain.</summary>
public interface IToegangslog
{
    Task SchrijfAsync(Toegangsregel regel, CancellationToken ct);
    /// <summary>Newest first; <paramref name="organisatie"/> null: every organisation's entries (the privacy officer).</summary>
    Task<IReadOnlyList<Toegangsregel>> LeesAsync(string? organisatie, long voorVolgorde, int aantal, CancellationToken ct);
    Task<Ketencontrole.Uitslag> ControleerAsync(CancellationToken ct);
}

public sealed class Toegangslog<TContext>(IServiceScopeFactory scopes) : IToegangslog where TContext : JbkDbContext, IToegangslogContext
{
    // One chain per database: in the process one writer at a time; across replicas a transaction-scoped advisory lock.
    private readonly SemaphoreSlim _slot = new(1, 1);
    private const long Slot = 7513;
    private const int MaximalePartij = 500;

    private sealed record Wachtend(Toegangsregel Regel)
    {
        public TaskCompletionSource Vastgelegd { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<Wachtend> _wachtrij = new();

    /// <summary>
    /// Returns once the entry is committed (a call whose access cannot be logged is not answered). Group commit: the
    /// writer holding the chain appends every entry waiting at that moment in one transaction, in the order they came,
    /// so concurrent calls share a commit instead of queueing for one each.
    /// </summary>
    public async Task SchrijfAsync(Toegangsregel regel, CancellationToken ct)
    {
        var eigen = new Wachtend(regel);
        _wachtrij.Enqueue(eigen);
        await _slot.WaitAsync(ct);
        try
        {
            while (!eigen.Vastgelegd.Task.IsCompleted)
            {
                var partij = new List<Wachtend>();
                while (partij.Count < MaximalePartij && _wachtrij.TryDequeue(out var w)) partij.Add(w);
                try
                {
                    // Not the caller's token: the entries of others in this batch must not fail because this call ended.
                    await SchrijfPartijAsync(partij.Select(w => w.Regel).ToList(), CancellationToken.None);
                    foreach (var w in partij) w.Vastgelegd.TrySetResult();
                }
                catch (Exception ex)
                {
                    foreach (var w in partij) w.Vastgelegd.TrySetException(ex);
                }
            }
        }
        finally { _slot.Release(); }
        await eigen.Vastgelegd.Task;
    }

    private async Task SchrijfPartijAsync(IReadOnlyList<Toegangsregel> regels, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transactie = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Slot})", ct);
            var kop = await db.ToegangslogKop.SingleOrDefaultAsync(ct);
            if (kop is null) db.ToegangslogKop.Add(kop = new ToegangslogKop());
            foreach (var regel in regels)
            {
                // Stored to the microsecond by PostgreSQL: hash what the database keeps (whole milliseconds), or the check fails later.
                regel.OpUtc = new DateTime(regel.OpUtc.Ticks - regel.OpUtc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
                regel.Volgorde = kop.LaatsteVolgorde + 1;
                regel.VorigeHash = kop.LaatsteHash;
                regel.Hash = regel.BerekenHash();
                (kop.Aantal, kop.LaatsteVolgorde, kop.LaatsteHash) = (kop.Aantal + 1, regel.Volgorde, regel.Hash);
            }
            db.Toegangslog.AddRange(regels);
            await db.SaveChangesAsync(ct);
            await transactie.CommitAsync(ct);
        });
    }

    public async Task<IReadOnlyList<Toegangsregel>> LeesAsync(string? organisatie, long voorVolgorde, int aantal, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var query = db.Toegangslog.AsNoTracking().Where(r => organisatie == null || r.Organisatie == organisatie);
        if (voorVolgorde > 0) query = query.Where(r => r.Volgorde < voorVolgorde);
        return await query.OrderByDescending(r => r.Volgorde).Take(aantal).ToListAsync(ct);
    }

    public async Task<Ketencontrole.Uitslag> ControleerAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var kop = await db.ToegangslogKop.AsNoTracking().SingleOrDefaultAsync(ct);
        return Ketencontrole.Controleer(await db.Toegangslog.AsNoTracking().OrderBy(r => r.Volgorde).ToListAsync(ct), kop);
    }
}
