using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Processen;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Processen;

/// <summary>
/// Carries every handover forward where the next step is the platform's own: check, reserve and grant read access,
/// switch, and clean up after a cancel or refusal. Each step is idempotent on the handover's id (reservation keys,
/// handover ids in maatregelregistratie), and its result is stored before the next step starts, so a crash at any
/// point resumes here without a second reservation or a second switch.
/// <para>Replicas: runs under the lease <c>overdrachtproces</c>; a step's result is saved with the handover's version,
/// so a command that changed the handover meanwhile turns the step into a conflict that the next round redoes.</para>
/// <para>Errors: a service that is away (UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, ...) is tried again in the next round
/// (the channel already retried); a refusal for good (PERMISSION_DENIED, FAILED_PRECONDITION, UNIMPLEMENTED,
/// INVALID_ARGUMENT, NOT_FOUND, UNAUTHENTICATED) marks the handover stuck with the reason, visible in the API, and
/// it is tried again only after <see cref="OverdrachtOpties.VastgelopenOpnieuwNa"/>. One handover never blocks another.</para>
/// </summary>
public sealed partial class OverdrachtVoortzetter(
    IServiceScopeFactory scopes, OverdrachtSignaal signaal, ScenarioSignaal scenarioSignaal, TimeProvider klok,
    IOptions<OverdrachtOpties> opties, [FromKeyedServices(OverdrachtModule.DienstNaam)] ILeases leases, ILogger<OverdrachtVoortzetter> logger)
    : Achtergrondproces("overdrachtproces", leases, logger, TimeSpan.FromSeconds(1), signaal)
{
    public static readonly Caller Dienst = new(Organisatie.Dienst("overdracht"), "overdracht", null);
    private static readonly TimeSpan Reserveringstermijn = TimeSpan.FromDays(60);

    protected override async Task<bool> RondeAsync(CancellationToken ct)
    {
        var gezet = await StappenAsync(ct);
        if (gezet > 0) scenarioSignaal.Geef(); // a handover moved: a scenario may move too
        return gezet > 0; // the next step may be the platform's own as well
    }

    /// <summary>One step for every handover that waits on the platform; the number of steps taken.</summary>
    internal async Task<int> StappenAsync(CancellationToken ct)
    {
        List<Guid> teDoen;
        var nu = klok.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OverdrachtDbContext>();
            teDoen = await db.Overdrachten.AsNoTracking()
                .Where(o => o.Status == OverdrachtStatus.Aangevraagd || o.Status == OverdrachtStatus.Gecontroleerd
                    || (o.Status == OverdrachtStatus.Geaccepteerd && o.OmzettingGevraagdOpUtc != null)
                    || ((o.Status == OverdrachtStatus.Geannuleerd || o.Status == OverdrachtStatus.Geweigerd || o.Status == OverdrachtStatus.Afgewezen) && !o.Opgeruimd))
                .Where(o => o.VolgendePogingUtc == null || o.VolgendePogingUtc <= nu)
                .Select(o => o.Id).ToListAsync(ct);
        }
        var gezet = 0;
        await Parallel.ForEachAsync(teDoen, new ParallelOptions { MaxDegreeOfParallelism = opties.Value.GelijktijdigeStappen, CancellationToken = ct },
            async (id, c) =>
            {
                if (await ZetStapAsync(id, c)) Interlocked.Increment(ref gezet);
            });
        return gezet;
    }

    /// <summary>One step of one handover; false when it waits for another round.</summary>
    private async Task<bool> ZetStapAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await StapAsync(id, ct);
            return true;
        }
        catch (RpcException ex) when (IsBlijvend(ex.StatusCode))
        {
            await MarkeerVastgelopenAsync(id, $"{ex.StatusCode}: {Kort(ex.Status.Detail)}", ct);
        }
        catch (OmzettingGestoptException ex)
        {
            await StopOmzettingAsync(id, Kort(ex.Message), ct);
        }
        catch (Exception ex) when (ex is RpcException or DbUpdateException)
        {
            // Another service is away or someone changed the handover meanwhile: the next round tries again.
            LogStapUitgesteld(logger, id, ex.GetType().Name, ex is RpcException r ? r.StatusCode.ToString() : "conflict");
        }
        return false;
    }

    /// <summary>Statuses that another attempt in a second will not change: a setting, a key or a rule is wrong.</summary>
    internal static bool IsBlijvend(StatusCode code) => code switch
    {
        StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.FailedPrecondition or StatusCode.Unimplemented
            or StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.OutOfRange or StatusCode.AlreadyExists => true,
        _ => false,
    };

    private async Task StopOmzettingAsync(Guid id, string reden, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverdrachtDbContext>();
        var o = await db.Overdrachten.SingleAsync(x => x.Id == id, ct);
        o.StopOmzetting(reden, Dienst, klok.GetUtcNow().UtcDateTime);
        o.VerhoogVersie();
        db.Publish(OverdrachtEvents.Stap(o));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return; } // changed meanwhile: the next round looks again
        LogVastgelopen(logger, id, reden);
    }

    private async Task MarkeerVastgelopenAsync(Guid id, string reden, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverdrachtDbContext>();
        var o = await db.Overdrachten.SingleAsync(x => x.Id == id, ct);
        o.LoopVast(reden, Dienst, klok.GetUtcNow().UtcDateTime, opties.Value.VastgelopenOpnieuwNa);
        o.VerhoogVersie();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return; } // changed meanwhile: the next round looks again
        LogVastgelopen(logger, id, reden);
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
                await ReserveerAsync(db, o, capaciteit, maatregelen, nu, ct);
                break;

            case OverdrachtStatus.Geaccepteerd when o.OmzettingGevraagdOpUtc is { } op:
                // The continuity rules once more, on fresh data: a rule broken since the request stops the switch.
                if (await sp.GetRequiredService<Controleur>().ControleerBijOmzettingAsync(o, op, ct) is { } opnieuw
                    && opnieuw.Where(u => !u.Geslaagd).ToList() is { Count: > 0 } gebroken)
                    throw new OmzettingGestoptException(string.Join(" | ", gebroken.Select(u => $"{u.Regel} bij omzetting: {u.Toelichting}")));
                var omzetting = new DraagOverdrachtOverRequest
                {
                    OverdrachtId = o.Id.ToString(), VanGi = o.VerzendendeGi, NaarGi = o.OntvangendeGi, Op = Timestamp.FromDateTime(op),
                };
                omzetting.MaatregelIds.AddRange(o.Maatregelen.Select(m => m.MaatregelId.ToString()));
                // Every measure in one transaction; capaciteit turns each reserved place into load as it counts the measure.
                await maatregelen.DraagOverdrachtOverAsync(omzetting, cancellationToken: ct);
                o.LegOmzettingVast(op, Dienst, nu);
                break;

            case OverdrachtStatus.Geannuleerd or OverdrachtStatus.Geweigerd or OverdrachtStatus.Afgewezen when !o.Opgeruimd:
                // Cancelled or refused: give back what was held.
                foreach (var r in o.ReserveringIds)
                    await capaciteit.BeeindigReserveringAsync(new BeeindigReserveringRequest { ReserveringId = r, Uitkomst = ReserveringUitkomst.Vrijgegeven }, cancellationToken: ct);
                foreach (var m in o.Maatregelen)
                    await maatregelen.TrekInzageInAsync(new TrekInzageInRequest { MaatregelId = m.MaatregelId.ToString(), OverdrachtId = o.Id.ToString() }, cancellationToken: ct);
                o.MarkeerOpgeruimd();
                break;

            case OverdrachtStatus.CapaciteitGereserveerd or OverdrachtStatus.DossierCompleet or OverdrachtStatus.Geaccepteerd or OverdrachtStatus.Omgezet
                or OverdrachtStatus.Voltooid or OverdrachtStatus.Geannuleerd or OverdrachtStatus.Geweigerd or OverdrachtStatus.Afgewezen:
                // The next step is a person's (or it was taken meanwhile by another round): nothing for the platform.
                return;

            default:
                throw new InvalidOperationException($"Onbekende status {o.Status} van overdracht {o.Id}.");
        }
        o.LoopVerder();
        o.VerhoogVersie();
        db.Publish(OverdrachtEvents.Stap(o));
        await db.SaveChangesAsync(ct);
    }

    private static async Task ReserveerAsync(OverdrachtDbContext db, OverdrachtProces o, CapaciteitService.CapaciteitServiceClient capaciteit,
        MaatregelService.MaatregelServiceClient maatregelen, DateTime nu, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var groep in o.Maatregelen.GroupBy(m => m.Type))
        {
            try
            {
                var antwoord = await capaciteit.ReserveerCapaciteitAsync(new ReserveerCapaciteitRequest
                {
                    IdempotentieSleutel = $"overdracht:{o.Id}:{groep.Key}", GiCode = o.OntvangendeGi, Regio = Regio(db, groep.First().MaatregelId),
                    Type = groep.Key.ToProto(), Aantal = groep.Count(), OverdrachtId = o.Id.ToString(),
                    VerlooptOp = Timestamp.FromDateTime(Max(nu, o.GeplandeOmzetting.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) + Reserveringstermijn),
                }, cancellationToken: ct);
                ids.Add(antwoord.ReserveringId);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
            {
                // No room at the receiver: the handover is refused; what was held for other types is released by the clean-up.
                o.WeigerBijReservering(ex.Status.Detail, ids, Dienst, nu);
                return;
            }
        }
        foreach (var m in o.Maatregelen)
            await maatregelen.VerleenInzageAsync(new VerleenInzageRequest { MaatregelId = m.MaatregelId.ToString(), GiCode = o.OntvangendeGi, OverdrachtId = o.Id.ToString() }, cancellationToken: ct);
        o.LegReserveringVast(ids, Dienst, nu);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static string Regio(OverdrachtDbContext db, Guid maatregelId) =>
        db.MaatregelStanden.AsNoTracking().Where(s => s.MaatregelId == maatregelId).Select(s => s.Regio).SingleOrDefault() ?? "onbekend";

    private static string Kort(string tekst) => tekst.Length <= 500 ? tekst : tekst[..500] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdracht {Id}: stap uitgesteld ({ErrorType}: {Status})")]
    private static partial void LogStapUitgesteld(ILogger logger, Guid id, string errorType, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdracht {Id}: vastgelopen ({Reden}); later opnieuw")]
    private static partial void LogVastgelopen(ILogger logger, Guid id, string reden);
}

/// <summary>A continuity rule broken at the switch: no switch; the request for it is withdrawn and the handover names the rule.</summary>
public sealed class OmzettingGestoptException(string reden) : Exception(reden);
