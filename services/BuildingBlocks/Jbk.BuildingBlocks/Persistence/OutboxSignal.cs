using Jbk.BuildingBlocks.Processen;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>Wakes a context's outbox relay as soon as new events are saved, so it need not poll fast.</summary>
public sealed class OutboxSignal<TContext> : Wekker where TContext : JbkDbContext;

/// <summary>
/// Counts the saves of a context in this process that changed something: a reader keeping figures in memory knows they
/// may be out of date when the count moved (writes of other replicas it does not see; it bounds their age itself); a
/// follower waits for the next change.
/// </summary>
public sealed class Wijzigingen<TContext> where TContext : JbkDbContext
{
    private long _generatie;
    private TaskCompletionSource _volgende = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Generatie => Interlocked.Read(ref _generatie);

    public void Tel()
    {
        Interlocked.Increment(ref _generatie);
        Interlocked.Exchange(ref _volgende, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Returns when a change was counted after <paramref name="sinds"/> (a <see cref="Generatie"/>), or after <paramref name="maximaal"/>.</summary>
    public async Task WachtOpWijzigingAsync(long sinds, TimeSpan maximaal, CancellationToken ct)
    {
        var volgende = Volatile.Read(ref _volgende).Task;
        if (Generatie != sinds) return;
        try { await volgende.WaitAsync(maximaal, ct); }
        catch (TimeoutException) { }
    }
}

/// <summary>
/// Counts every save that wrote something, and wakes the relay after a save that stored new events. Other saves wake
/// nobody: a consumed event's inbox row or the relay's own marks would otherwise cost the relay a query each (measured
/// in P4: one per consumed event in every consuming service), and the relay's own save would wake it without pause.
/// </summary>
internal sealed class OutboxSavedInterceptor<TContext>(OutboxSignal<TContext> signal, Wijzigingen<TContext> wijzigingen) : SaveChangesInterceptor
    where TContext : JbkDbContext
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Na(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Na(eventData.Context, result);
        return result;
    }

    private void Na(Microsoft.EntityFrameworkCore.DbContext? context, int result)
    {
        if (result == 0) return;
        wijzigingen.Tel();
        if (context is not JbkDbContext { NieuweEvents: > 0 } db) return;
        db.NieuweEvents = 0;
        signal.Geef();
    }
}
