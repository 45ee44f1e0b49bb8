using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jbk.BuildingBlocks.Telemetry;

/// <summary>
/// The readiness checks as a gauge (<c>jbk_gezondheid{controle}</c>: 1 healthy, 0 not), published every 10 seconds:
/// database reachable, broker reachable, bus connected, and the services this one calls. Operators see which
/// dependency is away, not only that the process is not ready.
/// </summary>
public sealed class GezondheidMeting : IHealthCheckPublisher, IDisposable
{
    private readonly Meter _meter = new(TelemetrySetup.SourceName);
    private IReadOnlyDictionary<string, HealthReportEntry> _laatste = new Dictionary<string, HealthReportEntry>();

    public GezondheidMeting() =>
        _meter.CreateObservableGauge("jbk.gezondheid", () => _laatste.Select(e => new Measurement<int>(
                e.Value.Status == HealthStatus.Healthy ? 1 : 0, new KeyValuePair<string, object?>("controle", e.Key))),
            description: "1 als de controle gezond is (database, broker, bus, aangeroepen diensten), anders 0");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _laatste = report.Entries;
        return Task.CompletedTask;
    }

    public void Dispose() => _meter.Dispose();
}
