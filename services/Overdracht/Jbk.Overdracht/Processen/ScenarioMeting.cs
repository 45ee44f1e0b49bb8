using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Jbk.BuildingBlocks.Telemetry;
using Jbk.Overdracht.Scenarios;

namespace Jbk.Overdracht.Processen;

/// <summary>
/// The progress of running scenarios for operators' dashboards: measures per scenario and status
/// (<c>jbk_scenario_maatregelen</c>). Counts only, labelled by scenario id: no personal data.
/// </summary>
public sealed class ScenarioMeting : IDisposable
{
    private readonly Meter _meter = new(TelemetrySetup.SourceName);
    private readonly ConcurrentDictionary<Guid, IReadOnlyDictionary<PlaatsingStatus, int>> _standen = new();

    public ScenarioMeting()
    {
        _meter.CreateObservableGauge("jbk.scenario.maatregelen", Meet, unit: "{maatregel}",
            description: "Maatregelen van een lopend scenario per status");
    }

    public void Werk(Guid scenarioId, IEnumerable<ScenarioPlaatsing> rijen) =>
        _standen[scenarioId] = Enum.GetValues<PlaatsingStatus>().ToDictionary(s => s, s => rijen.Count(p => p.Status == s));

    public void Vergeet(Guid scenarioId) => _standen.TryRemove(scenarioId, out _);

    private IEnumerable<Measurement<int>> Meet() =>
        _standen.SelectMany(s => s.Value.Select(v => new Measurement<int>(v.Value,
            new KeyValuePair<string, object?>("scenario", s.Key.ToString()), new KeyValuePair<string, object?>("status", v.Key.ToString().ToLowerInvariant()))));

    public void Dispose() => _meter.Dispose();
}
