using Jbk.BuildingBlocks.Processen;
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
public sealed class StopBewaking(
    IServiceScopeFactory scopes, TimeProvider klok, IOptions<StopBewakingOpties> opties,
    [FromKeyedServices(ClientenstopModule.DienstNaam)] ILeases leases, ILogger<StopBewaking> logger)
    : Achtergrondproces("stopbewaking", leases, logger, opties.Value.Interval, klok: klok)
{
    // Replicas: under a lease; a stop's version column would turn a second activation into a conflict anyway.
    public static readonly Caller Dienst = new(Organisatie.Dienst("clientenstop"), "clientenstop", null);

    protected override async Task<bool> RondeAsync(CancellationToken ct)
    {
        await BewaakAsync(ct);
        return false;
    }

    internal async Task BewaakAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientenstopDbContext>();
        var nu = Klok.GetUtcNow().UtcDateTime;
        var vandaag = DateOnly.FromDateTime(nu);
        var stops = await db.Stops.Where(s => s.Status == StopStatus.Goedgekeurd || s.Status == StopStatus.Actief).ToListAsync(ct);
        foreach (var stop in stops)
        {
            if (stop.ActiveerIndienTijd(vandaag, Dienst, nu))
            {
                db.Publish(new ClientenstopGeactiveerd(stop.Id, stop.GiCode, stop.Regios, stop.Types, stop.SpoedUitgezonderd, stop.JrUitgezonderd, stop.Van, stop.Tot));
                db.Informeer(stop, "is actief", nu);
            }
            else if (stop.HefOp(Dienst, vandaag, opEinddatum: true, nu))
            {
                db.Publish(new ClientenstopGewijzigd(stop.Id, stop.GiCode, stop.Status.ToString(), stop.Tot));
                db.Informeer(stop, "is opgeheven (einddatum)", nu);
            }
            else continue;
            stop.VerhoogVersie();
        }
        await db.SaveChangesAsync(ct);
    }
}

public sealed class StopBewakingOpties
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How many past ISO weeks the impact analysis averages the inflow over.</summary>
    public int InstroomWeken { get; set; } = 8;
}
