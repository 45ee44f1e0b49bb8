using System.Text.Json;
using Jbk.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// Publishes a context's stored events to the bus, oldest first, and marks them published.
/// At-least-once: a crash between publish and mark publishes again, with the same message id,
/// and consumers' inbox makes that harmless. While the broker is away it retries with back-off.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal<TContext> signal, ILogger<OutboxRelay<TContext>> logger)
    : BackgroundService where TContext : JbkDbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        var lastCleanup = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                backoff = TimeSpan.FromMilliseconds(250);
                if (DateTime.UtcNow - lastCleanup > TimeSpan.FromHours(1)) lastCleanup = await CleanupAsync(stoppingToken);
                if (published < BatchSize) await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRelayFailed(logger, typeof(TContext).Name, ex.GetType().Name, ex.Message, backoff.TotalSeconds);
                try { await Task.Delay(backoff, stoppingToken); } catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var batch = await db.Outbox.Where(m => m.PublishedAtUtc == null)
            .OrderBy(m => m.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox van {Context} kon niet publiceren ({ErrorType}: {Error}); nieuwe poging over {Seconds} s")]
    private static partial void LogRelayFailed(ILogger logger, string context, string errorType, string error, double seconds);
}

internal static class IntegrationEventTypes
{
    private static readonly Dictionary<string, Type> Known = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract)
        .ToDictionary(t => t.FullName!);

    public static Type? Resolve(string name) => Known.GetValueOrDefault(name);
}
