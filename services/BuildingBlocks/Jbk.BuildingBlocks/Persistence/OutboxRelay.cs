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
/// Publishes a context's stored events to the bus, oldest first, and marks them published.
/// At-least-once: a crash between publish and mark publishes again, with the same message id,
/// and consumers' inbox makes that harmless. While the broker is away it backs off and tries again.
/// Replicas: runs under the lease <c>outbox-&lt;service&gt;</c>, so one instance publishes at a time and the
/// order of writing is kept for every aggregate (a second relay would publish the same rows).
/// </summary>
internal sealed class OutboxRelay<TContext>(
    string service, IServiceScopeFactory scopes, IBus bus, OutboxSignal<TContext> signal, ILeases leases, ILogger<OutboxRelay<TContext>> logger)
    : Achtergrondproces($"outbox-{service}", leases, logger, TimeSpan.FromSeconds(1), signal) where TContext : JbkDbContext
{
    private const int BatchSize = 100;
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
        try
        {
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
                var @event = JsonSerializer.Deserialize(message.Payload, type, JbkDbContext.EventJson)!;
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
        }
        finally
        {
            // Marks what was published so far, also when a later one failed.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return batch.Count;
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
