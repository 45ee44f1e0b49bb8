using Jbk.BuildingBlocks.Processen;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;
using Jbk.Overdracht.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Processen;

/// <summary>
/// Runs approved scenarios: follows their handovers, plans refused families again, starts the weeks that may start
/// and asks for the handovers of those weeks. One round of one scenario commits in one transaction, and a handover's
/// id follows from scenario, family and attempt, so a crash at any point resumes without a second handover.
/// </summary>
public sealed partial class ScenarioUitvoerder(
    IServiceScopeFactory scopes, OverdrachtSignaal signaal, ScenarioSignaal wekker, TimeProvider klok,
    [FromKeyedServices(OverdrachtModule.DienstNaam)] ILeases leases, ILogger<ScenarioUitvoerder> logger)
    : Achtergrondproces("scenarioproces", leases, logger, TimeSpan.FromSeconds(1), wekker)
{
    // Replicas: runs under the lease scenarioproces; a round of one scenario commits with the scenario's version.
    protected override async Task<bool> RondeAsync(CancellationToken ct)
    {
        List<Guid> lopend;
        await using (var scope = scopes.CreateAsyncScope())
        {
            lopend = await scope.ServiceProvider.GetRequiredService<OverdrachtDbContext>().Scenarios.AsNoTracking()
                .Where(s => s.Status == ScenarioStatus.Lopend).Select(s => s.Id).ToListAsync(ct);
        }
        foreach (var id in lopend)
        {
            try
            {
                await ScenarioRondeAsync(id, ct);
            }
            catch (DbUpdateException ex)
            {
                LogUitgesteld(logger, id, ex.GetType().Name, ex.Message);
            }
        }
        return false;
    }

    private async Task ScenarioRondeAsync(Guid scenarioId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverdrachtDbContext>();
        var u = await db.Scenarios.SingleAsync(s => s.Id == scenarioId, ct);
        var rijen = await db.ScenarioPlaatsingen.Where(p => p.ScenarioId == scenarioId).ToListAsync(ct);
        var nu = klok.GetUtcNow().UtcDateTime;
        var vandaag = DateOnly.FromDateTime(nu);

        await MarkeerBeeindigdAsync(db, rijen, ct);
        await VolgOverdrachtenAsync(db, u, rijen, ct);
        u.StartWeken(rijen, vandaag);
        var aangevraagd = await VraagOverdrachtenAanAsync(db, u, rijen, vandaag, nu, ct);
        u.RondAf(rijen, nu);

        if (!db.ChangeTracker.HasChanges()) return;
        u.VerhoogVersie();
        await db.SaveChangesAsync(ct);
        if (aangevraagd > 0) signaal.Geef();
    }

    /// <summary>
    /// A measure that ended before its switch (by a decision, or by law at its end date) leaves the plan: its handover, if
    /// any, is refused or cancelled by the checks, and the family's other measures are planned again without it.
    /// </summary>
    private static async Task MarkeerBeeindigdAsync(OverdrachtDbContext db, List<ScenarioPlaatsing> rijen, CancellationToken ct)
    {
        var open = rijen.Where(p => p.Status is PlaatsingStatus.Gepland or PlaatsingStatus.Aangevraagd).Select(p => p.MaatregelId).ToList();
        if (open.Count == 0) return;
        var geeindigd = (await db.MaatregelStanden.AsNoTracking().Where(s => open.Contains(s.MaatregelId) && !s.Lopend).Select(s => s.MaatregelId).ToListAsync(ct))
            .ToHashSet();
        foreach (var p in rijen.Where(p => geeindigd.Contains(p.MaatregelId))) p.MarkeerBeeindigd();
    }

    /// <summary>Takes over what happened to the running handovers: switched, completed, or refused (then planned again).</summary>
    private static async Task VolgOverdrachtenAsync(OverdrachtDbContext db, ScenarioUitvoering u, List<ScenarioPlaatsing> rijen, CancellationToken ct)
    {
        var volgen = rijen.Where(p => p.OverdrachtId is not null && p.Status is PlaatsingStatus.Aangevraagd or PlaatsingStatus.Omgezet).ToList();
        var ids = volgen.Select(p => p.OverdrachtId!.Value).Distinct().ToList();
        // Where each handover stands, without its measures, checks and deadline owners; the history only of those that
        // ended since the last look (when completed, why refused): reading every followed handover whole made PostgreSQL
        // read its history table through at every look (bench queryplannen).
        var overdrachten = await db.Overdrachten.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Status, o.OmgezetOpUtc, o.OntvangendeGi }).ToDictionaryAsync(o => o.Id, ct);
        var geeindigd = overdrachten.Values.Where(o => o.Status is OverdrachtStatus.Voltooid or OverdrachtStatus.Geweigerd or OverdrachtStatus.Afgewezen)
            .Select(o => o.Id).ToList();
        var historie = geeindigd.Count == 0 ? [] : (await db.Overdrachten.AsNoTracking().Where(o => geeindigd.Contains(o.Id))
                .SelectMany(o => o.Historie, (o, h) => new { o.Id, Stap = h }).ToListAsync(ct)) // a join: SQLite has no LATERAL
            .GroupBy(h => h.Id).ToDictionary(g => g.Key, g => g.Select(h => h.Stap).OrderBy(h => h.OpUtc).ToList());
        var herplannen = new HashSet<Guid>();
        foreach (var p in volgen)
        {
            if (!overdrachten.TryGetValue(p.OverdrachtId!.Value, out var o)) continue;
            switch (o.Status)
            {
                case OverdrachtStatus.Omgezet:
                    p.Omgezet(o.OmgezetOpUtc!.Value);
                    break;
                case OverdrachtStatus.Voltooid:
                    p.Voltooid(o.OmgezetOpUtc!.Value, historie[o.Id].Last(h => h.Wat == "voltooid").OpUtc);
                    break;
                case OverdrachtStatus.Geannuleerd:
                    // Cancelled by the GIs (a rule broke before the switch): planned again, the receiver not excluded.
                    p.Geannuleerd();
                    herplannen.Add(p.GezinId);
                    break;
                case OverdrachtStatus.Geweigerd or OverdrachtStatus.Afgewezen:
                    p.Geweigerd($"{o.OntvangendeGi}: {o.Status.ToString().ToLowerInvariant()}: {historie[o.Id][^1].Toelichting}");
                    herplannen.Add(p.GezinId);
                    break;
            }
        }
        foreach (var gezin in herplannen) u.Herplan(rijen, gezin);
    }

    /// <summary>Asks for the handover of every family whose week has started, on behalf of the sending GI.</summary>
    private static async Task<int> VraagOverdrachtenAanAsync(OverdrachtDbContext db, ScenarioUitvoering u, List<ScenarioPlaatsing> rijen, DateOnly vandaag, DateTime nu, CancellationToken ct)
    {
        var aangevraagd = 0;
        var klaar = rijen.Where(p => p.Status == PlaatsingStatus.Gepland && p.Naar is not null && p.Week <= u.GestarteWeek)
            .GroupBy(p => (p.GezinId, p.Naar, p.Week, p.Poging));
        foreach (var gezin in klaar)
        {
            var id = gezin.First().VolgendeOverdrachtId;
            if (!await db.Overdrachten.AnyAsync(o => o.Id == id, ct))
            {
                var mids = gezin.Select(p => p.MaatregelId).ToList();
                var standen = await db.MaatregelStanden.AsNoTracking().Where(s => mids.Contains(s.MaatregelId)).ToDictionaryAsync(s => s.MaatregelId, ct);
                if (standen.Count < mids.Count) continue; // maatregelregistratie's events are still on their way
                var geplande = u.WeekVan(gezin.Key.Week) > vandaag ? u.WeekVan(gezin.Key.Week) : vandaag;
                // The sending GI stays responsible until the switch, whenever the court lets it happen: it owns every
                // deadline known at planning up to the scenario's deadline, also when the switch comes later than planned.
                var eigenaars = gezin.SelectMany(p => p.Termijnen.Select(t => t.Split('|')).Where(t => DateOnly.Parse(t[1]) <= u.Definitie.Deadline)
                    .Select(t => new TermijnEigenaarschap(p.MaatregelId, t[0], p.VanGi))).ToList();
                var o = OverdrachtProces.VraagAan(id, OverdrachtVoortzetter.Dienst, gezin.Key.Naar!, geplande,
                    gezin.Select(p => new OverdrachtMaatregel(p.MaatregelId, p.Type, p.GezinId, standen[p.MaatregelId].JeugdigeId)).ToList(),
                    redenGezinSplitsen: null, nu, eigenaars);
                o.ZetVerzender(u.VerzendendeGi);
                db.Overdrachten.Add(o);
                db.Publish(OverdrachtEvents.Stap(o));
                aangevraagd++;
            }
            foreach (var p in gezin) p.Aangevraagd(id);
        }
        return aangevraagd;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scenario {Id}: ronde uitgesteld ({ErrorType}: {Error})")]
    private static partial void LogUitgesteld(ILogger logger, Guid id, string errorType, string error);
}
