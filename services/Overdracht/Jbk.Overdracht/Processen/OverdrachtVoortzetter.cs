using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Processen;

/// <summary>
/// Carries every handover forward where the next step is the platform's own: check, reserve and grant read access,
/// switch, and clean up after a cancel or refusal. Each step is idempotent on the handover's id (reservation keys,
/// handover ids in maatregelregistratie), and its result is stored before the next step starts, so a crash at any
/// point resumes here without a second reservation or a second switch.
/// </summary>
public sealed partial class OverdrachtVoortzetter(
    IServiceScopeFactory scopes, OverdrachtSignaal signaal, ScenarioSignaal scenarioSignaal, TimeProvider klok, ILogger<OverdrachtVoortzetter> logger)
    : BackgroundService
{
    public static readonly Caller Dienst = new(Organisatie.Dienst("overdracht"), "overdracht", null);
    private static readonly TimeSpan Reserveringstermijn = TimeSpan.FromDays(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var gezet = 0;
            try
            {
                gezet = await RondeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogMislukt(logger, ex.GetType().Name, ex.Message);
            }
            if (gezet > 0)
            {
                scenarioSignaal.Geef(); // a handover moved: a scenario may move too
                continue; // the next step may be the platform's own as well
            }
            try { await signaal.WachtAsync(TimeSpan.FromSeconds(1), stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One step for every handover that waits on the platform; the number of steps taken.</summary>
    internal async Task<int> RondeAsync(CancellationToken ct)
    {
        List<Guid> teDoen;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OverdrachtDbContext>();
            teDoen = await db.Overdrachten.AsNoTracking()
                .Where(o => o.Status == OverdrachtStatus.Aangevraagd || o.Status == OverdrachtStatus.Gecontroleerd
                    || (o.Status == OverdrachtStatus.Geaccepteerd && o.OmzettingGevraagdOpUtc != null)
                    || ((o.Status == OverdrachtStatus.Geannuleerd || o.Status == OverdrachtStatus.Geweigerd || o.Status == OverdrachtStatus.Afgewezen) && !o.Opgeruimd))
                .Select(o => o.Id).ToListAsync(ct);
        }
        var gezet = 0;
        foreach (var id in teDoen)
        {
            try
            {
                await StapAsync(id, ct);
                gezet++;
            }
            catch (Exception ex) when (ex is RpcException or DbUpdateException)
            {
                // Another service is away or someone changed the handover meanwhile: the next round tries again.
                LogStapUitgesteld(logger, id, ex.GetType().Name, ex.Message);
            }
        }
        return gezet;
    }

    private async Task StapAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OverdrachtDbContext>();
        var o = await db.Overdrachten.SingleAsync(x => x.Id == id, ct);
        var nu = klok.GetUtcNow().UtcDateTime;
        var maatregelen = sp.GetRequiredKeyedService<MaatregelService.MaatregelServiceClient>(OverdrachtModule.DienstNaam);
        var capaciteit = sp.GetRequiredKeyedService<CapaciteitService.CapaciteitServiceClient>(OverdrachtModule.DienstNaam);

        switch (o.Status)
        {
            case OverdrachtStatus.Aangevraagd:
                o.LegControlesVast(await sp.GetRequiredService<Controleur>().ControleerAsync(o, DateOnly.FromDateTime(nu), ct), Dienst, nu);
                break;

            case OverdrachtStatus.Gecontroleerd:
                var ids = new List<string>();
                string? geenRuimte = null;
                foreach (var groep in o.Maatregelen.GroupBy(m => m.Type))
                {
                    try
                    {
                        var antwoord = await capaciteit.ReserveerCapaciteitAsync(new ReserveerCapaciteitRequest
                        {
                            IdempotentieSleutel = $"overdracht:{o.Id}:{groep.Key}", GiCode = o.OntvangendeGi, Regio = Regio(db, groep.First().MaatregelId),
                            Type = groep.Key.ToProto(), Aantal = groep.Count(), VerlooptOp = Timestamp.FromDateTime(nu + Reserveringstermijn),
                        }, cancellationToken: ct);
                        ids.Add(antwoord.ReserveringId);
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
                    {
                        geenRuimte = ex.Status.Detail;
                        break;
                    }
                }
                if (geenRuimte is not null)
                {
                    o.WeigerBijReservering(geenRuimte, ids, Dienst, nu); // what was held for other types is released by the clean-up
                    break;
                }
                foreach (var m in o.Maatregelen)
                    await maatregelen.VerleenInzageAsync(new VerleenInzageRequest { MaatregelId = m.MaatregelId.ToString(), GiCode = o.OntvangendeGi, OverdrachtId = o.Id.ToString() }, cancellationToken: ct);
                o.LegReserveringVast(ids, Dienst, nu);
                break;

            case OverdrachtStatus.Geaccepteerd when o.OmzettingGevraagdOpUtc is { } op:
                foreach (var m in o.Maatregelen)
                    await maatregelen.DraagVerantwoordelijkheidOverAsync(new DraagVerantwoordelijkheidOverRequest
                    {
                        MaatregelId = m.MaatregelId.ToString(), VanGi = o.VerzendendeGi, NaarGi = o.OntvangendeGi,
                        Op = Timestamp.FromDateTime(op), OverdrachtId = o.Id.ToString(),
                    }, cancellationToken: ct);
                foreach (var r in o.ReserveringIds)
                    await capaciteit.BeeindigReserveringAsync(new BeeindigReserveringRequest { ReserveringId = r, Uitkomst = ReserveringUitkomst.Omgezet }, cancellationToken: ct);
                o.LegOmzettingVast(op, Dienst, nu);
                break;

            default: // cancelled or refused: give back what was held
                foreach (var r in o.ReserveringIds)
                    await capaciteit.BeeindigReserveringAsync(new BeeindigReserveringRequest { ReserveringId = r, Uitkomst = ReserveringUitkomst.Vrijgegeven }, cancellationToken: ct);
                foreach (var m in o.Maatregelen)
                    await maatregelen.TrekInzageInAsync(new TrekInzageInRequest { MaatregelId = m.MaatregelId.ToString(), OverdrachtId = o.Id.ToString() }, cancellationToken: ct);
                o.MarkeerOpgeruimd();
                break;
        }
        o.VerhoogVersie();
        db.Publish(OverdrachtEvents.Stap(o));
        await db.SaveChangesAsync(ct);
    }

    private static string Regio(OverdrachtDbContext db, Guid maatregelId) =>
        db.MaatregelStanden.AsNoTracking().Where(s => s.MaatregelId == maatregelId).Select(s => s.Regio).SingleOrDefault() ?? "onbekend";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdrachtproces: ronde mislukt ({ErrorType}: {Error})")]
    private static partial void LogMislukt(ILogger logger, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdracht {Id}: stap uitgesteld ({ErrorType}: {Error})")]
    private static partial void LogStapUitgesteld(ILogger logger, Guid id, string errorType, string error);
}
