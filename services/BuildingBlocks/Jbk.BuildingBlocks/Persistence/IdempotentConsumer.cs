using Jbk.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// A consumer that acts on each event once, however often it is delivered. The handler's changes,
/// the inbox record and any events the handler publishes are committed by one SaveChanges; a second
/// delivery finds the inbox record and does nothing.
/// </summary>
public abstract class IdempotentConsumer<TEvent, TContext>(TContext db) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
    where TContext : JbkDbContext
{
    protected TContext Db { get; } = db;

    private string ConsumerName => GetType().FullName!;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var eventId = context.Message.EventId;
        if (await AlreadyHandledAsync(eventId, context.CancellationToken)) return;

        await HandleAsync(context.Message, context.CancellationToken);
        Db.Inbox.Add(new InboxRecord { EventId = eventId, Consumer = ConsumerName, HandledAtUtc = DateTime.UtcNow });
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two deliveries raced: the other one committed first, so its work stands and ours is dropped.
            Db.ChangeTracker.Clear();
            if (await AlreadyHandledAsync(eventId, context.CancellationToken)) return;
            throw;
        }
    }

    private Task<bool> AlreadyHandledAsync(Guid eventId, CancellationToken cancellationToken) =>
        Db.Inbox.AsNoTracking().AnyAsync(r => r.EventId == eventId && r.Consumer == ConsumerName, cancellationToken);

    /// <summary>Apply the event to this service's state. Do not call SaveChanges: the base class commits.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);
}
