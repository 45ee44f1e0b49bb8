using System.Diagnostics;
using System.Text.Json;
using Jbk.BuildingBlocks.Processen;
using Jbk.BuildingBlocks.Telemetry;
using Jbk.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// Publishes a context's stored events to the bus and marks them published. Events of one thing (a measure, a handover,
/// <see cref="IntegrationEvent.Volgorde"/>) go out one after another in the order they were written; events of different
/// things go out side by side, so a batch costs about one broker confirm, not one per event.
/// At-least-once: a crash between publish and mark publishes again, with the same message id,
/// and consumers' inbox makes that harmless. While the broker is away it backs off and tries again; an event that fails
/// holds back the later events of its own thing only.
/// Replicas: runs under the lease <c>outbox-&lt;service&gt;</c>, so one instance publishes at a time and the
/// order of writing is kept for every aggregate (a second relay would publish the same rows).
/// </summary>
internal sealed class OutboxRelay<TContext>(
    string service, IServiceScopeFactory scopes, IBus bus, OutboxSignal<TContext> signal, ILeases leases, ILogger<OutboxRelay<TContext>> logger)
    : Achtergrondproces($"outbox-{service}", leases, logger, TimeSpan.FromSeconds(1), signal) where TContext : JbkDbContext
{
    private const int BatchSize = 500;
    /// <summary>Things published side by side; each waits for its broker confirms one event at a time.</summary>
    private const int Gelijktijdig = 64;
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private DateTime _lastCleanup = DateTime.MinValue;

    protected override async Task<bool> RondeAsync(CancellationToken ct)
    {
        var published = await PublishBatchAsync(ct);
        if (DateTime.UtcNow - _lastCleanup > TimeSpan.FromHours(1)) _lastCleanup = await CleanupAsync(ct);
        return published == BatchSize;
    }

    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var batch = await db.Outbox.Where(m => m.PublishedAtUtc == null)
            .OrderBy(m => m.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0) return 0;
        var reeksen = new Dictionary<string, List<(OutboxMessage Bericht, IntegrationEvent Event, Type Type)>>();
        foreach (var message in batch)
        {
            var type = IntegrationEventTypes.Resolve(message.EventType);
            if (type is null)
            {
                // A type this build does not know can never be published; park it for an operator, do not block the rest.
                message.Attempts++;
                message.LastError = $"Onbekend eventtype {message.EventType}";
                continue;
            }
            var @event = (IntegrationEvent)JsonSerializer.Deserialize(message.Payload, type, JbkDbContext.EventJson)!;
            if (!reeksen.TryGetValue(@event.Volgorde, out var reeks)) reeksen[@event.Volgorde] = reeks = [];
            reeks.Add((message, @event, type));
        }
        var fouten = new List<Exception>();
        try
        {
            await Parallel.ForEachAsync(reeksen.Values, new ParallelOptions { MaxDegreeOfParallelism = Gelijktijdig, CancellationToken = cancellationToken },
                async (reeks, ct) =>
                {
                    foreach (var (message, @event, type) in reeks)
                    {
                        try
                        {
                            await PublishAsync(message, @event, type, ct);
                        }
                        catch (Exception ex)
                        {
                            lock (fouten) fouten.Add(ex);
                            return; // the later events of this thing wait for the next round, in their order
                        }
                    }
                });
        }
        finally
        {
            // Marks what was published, also when others failed.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (fouten.Count > 0) throw fouten[0];
        return batch.Count;
    }

    private async Task PublishAsync(OutboxMessage message, IntegrationEvent @event, Type type, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        // The publish continues the trace of the request that wrote the event.
        ActivityContext.TryParse(message.TraceParent, null, out var request);
        using var activity = TelemetrySetup.Bron.StartActivity($"outbox {type.Name}", ActivityKind.Producer, request);
        try
        {
            await bus.Publish(@event, type, ctx => ctx.MessageId = message.EventId, timeout.Token);
        }
        catch (Exception ex)
        {
            message.Attempts++;
            message.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
            throw;
        }
        message.Attempts++;
        message.LastError = null;
        message.PublishedAtUtc = DateTime.UtcNow;
    }

    private async Task<DateTime> CleanupAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var before = DateTime.UtcNow - Retention;
        await db.Outbox.Where(m => m.PublishedAtUtc != null && m.PublishedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
        return DateTime.UtcNow;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

internal static class IntegrationEventTypes
{
    private static readonly Dictionary<string, Type> Known = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract)
        .ToDictionary(t => t.FullName!);

    public static Type? Resolve(string name) => Known.GetValueOrDefault(name);
}
