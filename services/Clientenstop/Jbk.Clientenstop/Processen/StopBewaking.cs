using Jbk.BuildingBlocks.Security;
using Jbk.Clientenstop.Domain;
using Jbk.Clientenstop.Persistence;
using Jbk.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jbk.Clientenstop.Processen;

/// <summary>
/// Activates approved stops on their start date and lifts them at their end date. The status change and its event
/// are one transaction (outbox), so a crash between approval and activation still activates, on time, once.
/// </summary>
public sealed partial class StopBewaking(IServiceScopeFactory scopes, TimeProvider klok, IOptions<StopBewakingOpties> opties, ILogger<StopBewaking> logger)
    : BackgroundService
{
    public static readonly Caller Dienst = new(Organisatie.Dienst("clientenstop"), "clientenstop", null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RondeAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { LogMislukt(logger, ex.GetType().Name, ex.Message); }
            try { await Task.Delay(opties.Value.Interval, klok, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    internal async Task RondeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientenstopDbContext>();
        var notificaties = scope.ServiceProvider.GetRequiredService<INotificaties>();
        var nu = klok.GetUtcNow().UtcDateTime;
        var vandaag = DateOnly.FromDateTime(nu);
        var stops = await db.Stops.Where(s => s.Status == StopStatus.Goedgekeurd || s.Status == StopStatus.Actief).ToListAsync(ct);
        foreach (var stop in stops)
        {
            if (stop.ActiveerIndienTijd(vandaag, Dienst, nu))
            {
                db.Publish(new ClientenstopGeactiveerd(stop.Id, stop.GiCode, stop.Regios, stop.Types, stop.SpoedUitgezonderd, stop.JrUitgezonderd, stop.Van, stop.Tot));
                await notificaties.InformeerAsync(stop, "is actief", ct);
            }
            else if (stop.HefOp(Dienst, vandaag, opEinddatum: true, nu))
            {
                db.Publish(new ClientenstopGewijzigd(stop.Id, stop.GiCode, stop.Status.ToString(), stop.Tot));
                await notificaties.InformeerAsync(stop, "is opgeheven (einddatum)", ct);
            }
            else continue;
            stop.VerhoogVersie();
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopbewaking mislukt ({ErrorType}: {Error}); volgende ronde opnieuw")]
    private static partial void LogMislukt(ILogger logger, string errorType, string error);
}

public sealed class StopBewakingOpties
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How many past ISO weeks the impact analysis averages the inflow over.</summary>
    public int InstroomWeken { get; set; } = 8;
}
