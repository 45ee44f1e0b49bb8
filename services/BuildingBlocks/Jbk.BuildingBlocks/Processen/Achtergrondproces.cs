using System.Diagnostics.Metrics;
using Jbk.BuildingBlocks.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jbk.BuildingBlocks.Processen;

/// <summary>
/// One way for every background process of the platform to poll, wake, back off and be replica-safe: the work
/// runs only while this instance holds the process's lease (<see cref="ILeases"/>; PostgreSQL advisory lock in
/// the distributed mode), so with two or more replicas exactly one does it, and another takes over within
/// <see cref="LeaseWacht"/> when that one dies. A failed round backs off (up to <see cref="MaximaleBackoff"/>)
/// instead of spinning; what one work item cannot do is the subclass's to mark (stuck, with the reason).
/// </summary>
public abstract partial class Achtergrondproces(
    string naam, ILeases leases, ILogger logger, TimeSpan interval, Wekker? wekker = null, TimeProvider? klok = null)
    : BackgroundService
{
    private static readonly Meter Meter = new(TelemetrySetup.SourceName);
    private static readonly Counter<long> Rondes = Meter.CreateCounter<long>("jbk.achtergrond.rondes", "{ronde}",
        "Rondes van achtergrondprocessen per proces en uitkomst (ok, fout)");
    private static readonly UpDownCounter<int> LeasesGehouden = Meter.CreateUpDownCounter<int>("jbk.achtergrond.lease", "{lease}",
        "1 waar deze instantie de lease van het proces houdt");

    protected static readonly TimeSpan LeaseWacht = TimeSpan.FromSeconds(2);
    protected static readonly TimeSpan MaximaleBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The clock the process waits by (a test's or a rehearsal's clock where one is given).</summary>
    protected TimeProvider Klok { get; } = klok ?? TimeProvider.System;

    /// <summary>The lease's name: unique per process within a service's database.</summary>
    public string Naam { get; } = naam;

    /// <summary>One round of work. True when more work is waiting, so the next round starts at once.</summary>
    protected abstract Task<bool> RondeAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start
        while (!stoppingToken.IsCancellationRequested)
        {
            ILease? lease;
            try { lease = await leases.ProbeerAsync(Naam, stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                // The database is away: nobody can hold the lease now, so nobody works; ask again soon.
                LogLeaseNietBereikbaar(logger, Naam, ex.GetType().Name, ex.Message);
                lease = null;
            }
            if (lease is null)
            {
                try { await Task.Delay(LeaseWacht, stoppingToken); } catch (OperationCanceledException) { break; }
                continue;
            }
            LeasesGehouden.Add(1, new KeyValuePair<string, object?>("proces", Naam));
            try { await WerkZolangGehoudenAsync(lease, stoppingToken); }
            finally
            {
                LeasesGehouden.Add(-1, new KeyValuePair<string, object?>("proces", Naam));
                // A lease lost with its connection cannot be given back; the server already let go of it.
                try { await lease.DisposeAsync(); } catch (Exception ex) when (ex is not OperationCanceledException) { }
            }
        }
    }

    private async Task WerkZolangGehoudenAsync(ILease lease, CancellationToken stoppingToken)
    {
        using var gehouden = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Verloren);
        var ct = gehouden.Token;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var meer = await RondeAsync(ct);
                Rondes.Add(1, new("proces", Naam), new("uitkomst", "ok"));
                backoff = TimeSpan.FromMilliseconds(250);
                if (!meer) await WachtAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Rondes.Add(1, new("proces", Naam), new("uitkomst", "fout"));
                LogRondeMislukt(logger, Naam, ex.GetType().Name, ex.Message, backoff.TotalSeconds);
                try { await Task.Delay(backoff, ct); } catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaximaleBackoff.Ticks));
            }
        }
        if (lease.Verloren.IsCancellationRequested && !stoppingToken.IsCancellationRequested) LogLeaseVerloren(logger, Naam);
    }

    private async Task WachtAsync(CancellationToken ct)
    {
        if (wekker is not null) await wekker.WachtAsync(interval, ct);
        else await Task.Delay(interval, Klok, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Proces}: ronde mislukt ({ErrorType}: {Error}); nieuwe poging over {Seconds} s")]
    private static partial void LogRondeMislukt(ILogger logger, string proces, string errorType, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Proces}: lease niet te verkrijgen ({ErrorType}: {Error}); straks opnieuw")]
    private static partial void LogLeaseNietBereikbaar(ILogger logger, string proces, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Proces}: lease verloren; het werk stopt hier tot de lease terug is")]
    private static partial void LogLeaseVerloren(ILogger logger, string proces);
}
