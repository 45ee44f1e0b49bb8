using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jbk.BuildingBlocks.Telemetry;

/// <summary>
/// Measures every <see cref="IStandbron"/> of the process at start and then every <c>Jbk:Metingen:Interval</c>
/// (default 15 s), and shows the last figures as gauges. Every replica measures (a few counting queries): the
/// dashboards take the <c>max</c> over instances. A failed measurement keeps the last figures and is visible as the
/// growing age <c>jbk_stand_leeftijd_seconden</c> and in <c>jbk_stand_fouten_total</c>.
/// </summary>
public sealed partial class Standmeter : BackgroundService
{
    private readonly IReadOnlyList<IStandbron> _bronnen;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<Standmeter> _logger;
    private readonly TimeSpan _interval;
    private readonly Meter _meter = new(TelemetrySetup.SourceName);
    private readonly Counter<long> _fouten;
    private readonly Dictionary<IStandbron, IReadOnlyList<Standwaarde>> _laatste = [];
    private readonly Dictionary<IStandbron, DateTime> _gemetenOp = [];
    private readonly TaskCompletionSource _eersteMeting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly IHostApplicationLifetime _leven;

    public Standmeter(IEnumerable<IStandbron> bronnen, IServiceScopeFactory scopes, IConfiguration configuratie, IHostApplicationLifetime leven,
        ILogger<Standmeter> logger)
    {
        _leven = leven;
        _bronnen = bronnen.ToList();
        _scopes = scopes;
        _logger = logger;
        _interval = configuratie.GetValue("Jbk:Metingen:Interval", TimeSpan.FromSeconds(15));
        if (_interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(configuratie), "Jbk:Metingen:Interval moet positief zijn.");
        foreach (var maat in _bronnen.SelectMany(b => b.Maten).DistinctBy(m => m.Naam))
            _meter.CreateObservableGauge(maat.Naam, () => Waarden(maat.Naam), description: maat.Omschrijving);
        _meter.CreateObservableGauge("jbk.stand.leeftijd.seconden", Leeftijden,
            description: "Seconden sinds de laatste gelukte meting van de stand van een dienst (groeit als de database niet antwoordt)");
        _fouten = _meter.CreateCounter<long>("jbk.stand.fouten", description: "Mislukte metingen van de stand per dienst");
    }

    /// <summary>Completes once every source was measured once (or failed once).</summary>
    public Task EersteMeting => _eersteMeting.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After every hosted service started: the schemas are migrated by then.
        var gestart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_leven.ApplicationStarted.Register(() => gestart.TrySetResult()))
        using (stoppingToken.Register(() => gestart.TrySetCanceled()))
        {
            try { await gestart.Task; }
            catch (OperationCanceledException) { return; }
        }
        foreach (var bron in _bronnen) _fouten.Add(0, new KeyValuePair<string, object?>("dienst", bron.Dienst));
        using var timer = new PeriodicTimer(_interval);
        do
        {
            foreach (var bron in _bronnen) await MeetAsync(bron, stoppingToken);
            _eersteMeting.TrySetResult();
        }
        while (await WachtAsync(timer, stoppingToken));
    }

    private static async Task<bool> WachtAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private async Task MeetAsync(IStandbron bron, CancellationToken ct)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var waarden = await bron.MeetAsync(scope.ServiceProvider, ct);
            lock (_laatste)
            {
                _laatste[bron] = waarden;
                _gemetenOp[bron] = DateTime.UtcNow;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex)
        {
            _fouten.Add(1, new KeyValuePair<string, object?>("dienst", bron.Dienst));
            LogMetingMislukt(_logger, bron.Dienst, ex.GetType().Name, ex.Message);
        }
    }

    private IEnumerable<Measurement<double>> Waarden(string maat)
    {
        lock (_laatste)
            return _laatste.Values.SelectMany(w => w).Where(w => w.Maat == maat)
                .Select(w => new Measurement<double>(w.Waarde, w.Labels)).ToList();
    }

    private IEnumerable<Measurement<double>> Leeftijden()
    {
        var nu = DateTime.UtcNow;
        lock (_laatste)
            return _gemetenOp.GroupBy(g => g.Key.Dienst)
                .Select(g => new Measurement<double>((nu - g.Min(x => x.Value)).TotalSeconds, new KeyValuePair<string, object?>("dienst", g.Key)))
                .ToList();
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meting van de stand van {Dienst} mislukt: {Fout}: {Melding}")]
    private static partial void LogMetingMislukt(ILogger logger, string dienst, string fout, string melding);
}
