using Jbk.BuildingBlocks.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Jbk.BuildingBlocks.Messaging;

/// <summary>
/// Whether RabbitMQ is reachable now, on a small connection of its own that recovers by itself: MassTransit's bus
/// health stays Healthy for a long while after the broker went away (measured: still Healthy 40 s after stop_app),
/// so readiness asks the broker directly. No payload, no channel: only the connection's state.
/// </summary>
internal sealed class BrokerVerbondenCheck(string amqp) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);
    private IConnection? _verbinding;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_verbinding is { IsOpen: true }) return HealthCheckResult.Healthy();
        if (_verbinding is not null) return HealthCheckResult.Unhealthy("RabbitMQ is niet bereikbaar (de verbinding herstelt zich zodra hij terug is)");
        try
        {
            await VerbindingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ is niet bereikbaar ({ex.GetType().Name})");
        }
    }

    /// <summary>The check's own connection (opened on first use; it recovers by itself), also for reading queue depths.</summary>
    public async Task<IConnection> VerbindingAsync(CancellationToken cancellationToken)
    {
        if (_verbinding is not null) return _verbinding;
        await _slot.WaitAsync(cancellationToken);
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(amqp), AutomaticRecoveryEnabled = true, NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
                RequestedHeartbeat = TimeSpan.FromSeconds(10), ClientProvidedName = "jbk-gereedheid",
            };
            return _verbinding ??= await factory.CreateConnectionAsync(cancellationToken);
        }
        finally { _slot.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_verbinding is not null) await _verbinding.DisposeAsync();
    }
}
