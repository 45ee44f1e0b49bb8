using Jbk.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// An <see cref="IdempotentConsumer{TEvent,TContext}"/> for events that arrive in floods (a caseload being registered):
/// the events waiting in the queue are taken together, so the inbox is asked once, the handler reads what it needs
/// once, and one SaveChanges commits the changes with every inbox record. Each event still acts once, however often
/// it is delivered; a batch that fails is retried whole, and the inbox then skips what a racing delivery committed.
/// </summary>
public abstract class IdempotentBatchConsumer<TEvent, TContext>(TContext db) : IConsumer<Batch<TEvent>>
    where TEvent : IntegrationEvent
    where TContext : JbkDbContext
{
    protected TContext Db { get; } = db;

    private string ConsumerName => GetType().FullName!;

    public async Task Consume(ConsumeContext<Batch<TEvent>> context)
    {
        var ct = context.CancellationToken;
        // A redelivery can land in the same batch as the first delivery.
        var events = context.Message.Select(m => m.Message).DistinctBy(e => e.EventId).ToList();
        var ids = events.Select(e => e.EventId).ToList();
        var consumer = ConsumerName;
        var afgehandeld = await Db.Inbox.AsNoTracking().Where(r => r.Consumer == consumer && ids.Contains(r.EventId))
            .Select(r => r.EventId).ToListAsync(ct);
        var nieuw = events.Where(e => !afgehandeld.Contains(e.EventId)).ToList();
        if (nieuw.Count == 0) return;

        await HandleAsync(nieuw, ct);
        var nu = DateTime.UtcNow;
        Db.Inbox.AddRange(nieuw.Select(e => new InboxRecord { EventId = e.EventId, Consumer = consumer, HandledAtUtc = nu }));
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another delivery of one of these events committed first: the retry takes the batch again without it.
            Db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// Apply the events (each new to this consumer, in the order they arrived) to this service's state. Do not call
    /// SaveChanges: the base class commits.
    /// </summary>
    protected abstract Task HandleAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);
}

public static class Batchverwerking
{
    /// <summary>At most this many events per batch.</summary>
    public const int Omvang = 64;

    /// <summary>
    /// How long a batch waits for more after its first event. Short: when nothing floods, an event is handled
    /// almost as soon as it arrives; the events already waiting in the queue fill a batch without waiting.
    /// </summary>
    public static readonly TimeSpan Wachttijd = TimeSpan.FromMilliseconds(10);

    /// <summary>Registers a batch consumer with the platform's batch size and waiting time.</summary>
    public static void AddBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus) where TConsumer : class, IConsumer =>
        bus.AddConsumer<TConsumer>(c => c.Options<BatchOptions>(o => o.SetMessageLimit(Omvang).SetTimeLimit(Wachttijd)));
}
