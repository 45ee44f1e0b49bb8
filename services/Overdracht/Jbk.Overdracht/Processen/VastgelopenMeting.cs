using System.Diagnostics.Metrics;
using Jbk.BuildingBlocks.Telemetry;

namespace Jbk.Overdracht.Processen;

/// <summary>
/// Handovers whose platform step another service refused for good, per gRPC status (<c>jbk_overdrachten_vastgelopen</c>):
/// counted from the database by the instance that runs the handover process, so replicas do not count twice and a
/// restart does not forget. Codes only, no ids, no personal data.
/// </summary>
public sealed class VastgelopenMeting : IDisposable
{
    private readonly Meter _meter = new(TelemetrySetup.SourceName);
    private IReadOnlyDictionary<string, int> _stand = new Dictionary<string, int>();
    private DateTime _gemetenOpUtc = DateTime.MinValue;

    public VastgelopenMeting() =>
        _meter.CreateObservableGauge("jbk.overdrachten.vastgelopen", Meet, unit: "{overdracht}",
            description: "Overdrachten waarvan de volgende stap van het platform blijvend geweigerd wordt, per gRPC-status");

    public void Werk(IReadOnlyDictionary<string, int> perStatus)
    {
        _stand = perStatus;
        _gemetenOpUtc = DateTime.UtcNow;
    }

    private IEnumerable<Measurement<int>> Meet()
    {
        // Only while this instance holds the process (it measured within the last minute).
        if (DateTime.UtcNow - _gemetenOpUtc > TimeSpan.FromMinutes(1)) return [];
        var stand = _stand;
        return stand.Count == 0
            ? [new Measurement<int>(0, new KeyValuePair<string, object?>("status", "geen"))]
            : stand.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("status", s.Key)));
    }

    public void Dispose() => _meter.Dispose();
}
