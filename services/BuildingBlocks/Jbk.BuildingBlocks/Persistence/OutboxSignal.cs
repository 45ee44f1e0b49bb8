using Jbk.BuildingBlocks.Processen;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>Wakes a context's outbox relay as soon as new events are saved, so it need not poll fast.</summary>
public sealed class OutboxSignal<TContext> : Wekker where TContext : JbkDbContext;

/// <summary>Notifies the relay after every save; a wake-up without new events costs one small query.</summary>
internal sealed class OutboxSavedInterceptor<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor
    where TContext : JbkDbContext
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Geef();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Geef();
        return result;
    }
}
