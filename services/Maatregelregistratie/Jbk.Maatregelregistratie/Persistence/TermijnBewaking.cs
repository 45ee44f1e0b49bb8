using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts.Events;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Processen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jbk.Maatregelregistratie.Persistence;

/// <summary>
/// Ends every measure whose end date came without an extension, on that day, as the law does (EindigtVanRechtswege:
/// MaatregelBeeindigd once, so load and counts follow); and announces every deadline that passed unmet, once
/// (TermijnVerstreken), so dashboards and the GI's own systems see a child's protection at risk without asking. The
/// GI hears of the coming end beforehand through the extension deadlines. Runs every <see cref="TermijnBewakingOpties.Interval"/>.
/// </summary>
internal sealed partial class TermijnBewaking(
    IServiceScopeFactory scopes, TermijnBerekening berekening, TimeProvider klok, IOptions<TermijnBewakingOpties> opties,
    [FromKeyedServices(MaatregelregistratieModule.DienstNaam)] ILeases leases, ILogger<TermijnBewaking> logger)
    : Achtergrondproces("termijnbewaking", leases, logger, opties.Value.Interval, klok: klok)
{
    // Replicas: under a lease, one instance announces; the unique (measure, kind, date) rows make a second announcement impossible anyway.
    protected override async Task<bool> RondeAsync(CancellationToken ct)
    {
        var beeindigd = await EindigVanRechtswegeAsync(ct);
        if (beeindigd > 0) LogBeeindigd(logger, beeindigd);
        var gemeld = await ControleerAsync(ct);
        if (gemeld > 0) LogGemeld(logger, gemeld);
        return false;
    }

    /// <summary>Ends the measures whose end date has come; the number ended. A measure changed meanwhile waits for the next round.</summary>
    internal async Task<int> EindigVanRechtswegeAsync(CancellationToken ct)
    {
        var vandaag = DateOnly.FromDateTime(Klok.GetUtcNow().UtcDateTime);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaatregelDbContext>();
        var verlopen = await db.Maatregelen.Where(m => m.Status == MaatregelStatus.Lopend && m.Einddatum != null && m.Einddatum <= vandaag)
            .OrderBy(m => m.Einddatum).Take(500).ToListAsync(ct);
        var aantal = 0;
        foreach (var m in verlopen)
        {
            MaatregelBeeindigd? beeindigd;
            try { beeindigd = m.EindigVanRechtswege(vandaag); }
            catch (RegelGeschondenException) { continue; } // a timeline the law cannot close by itself: it stays overdue, for a person
            if (beeindigd is null) continue;
            db.Publish(beeindigd);
            m.VerhoogVersie();
            aantal++;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return 0; } // someone changed one of them meanwhile: the next round sees it as it is
        return aantal;
    }

    internal async Task<int> ControleerAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaatregelDbContext>();
        var vandaag = DateOnly.FromDateTime(Klok.GetUtcNow().UtcDateTime);
        var gemeld = (await db.GemeldeTermijnen.AsNoTracking().ToListAsync(ct))
            .Select(g => (g.MaatregelId, g.Soort, g.Uiterlijk)).ToHashSet();
        var aantal = 0;
        foreach (var m in await db.Maatregelen.AsNoTracking().Where(m => m.Status == MaatregelStatus.Lopend).ToListAsync(ct))
        foreach (var t in berekening.Bereken(m).Where(t => t.StatusOp(vandaag) == TermijnStatus.Verstreken))
        {
            if (!gemeld.Add((m.Id, t.Soort.ToString(), t.Uiterlijk))) continue;
            db.GemeldeTermijnen.Add(new GemeldeTermijn { MaatregelId = m.Id, Soort = t.Soort.ToString(), Uiterlijk = t.Uiterlijk });
            db.Publish(new TermijnVerstreken(m.Id, m.VerantwoordelijkeGi, t.Soort.ToString(), t.Uiterlijk));
            aantal++;
        }
        await db.SaveChangesAsync(ct);
        return aantal;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Aantal} maatregelen van rechtswege geëindigd")]
    private static partial void LogBeeindigd(ILogger logger, int aantal);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Aantal} verstreken termijnen gemeld")]
    private static partial void LogGemeld(ILogger logger, int aantal);
}

public sealed class TermijnBewakingOpties
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
