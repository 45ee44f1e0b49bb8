using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>Wakes a context's outbox relay as soon as new events are saved, so it need not poll fast.</summary>
public sealed class OutboxSignal<TContext> where TContext : JbkDbContext
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: the relay drains everything when it wakes.
        if (_signal.CurrentCount == 0) try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Notifies the relay after every save; a wake-up without new events costs one small query.</summary>
internal sealed class OutboxSavedInterceptor<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor
    where TContext : JbkDbContext
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return result;
    }
}
