using Jbk.Capaciteit.Domain;
using Jbk.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Capaciteit.Persistence;

/// <summary>Reads what the availability rules need for every GI on a date: contracts, certificates, staffing, load, reservations, stops.</summary>
public sealed class CapaciteitStanden(CapaciteitDbContext db, Gewichten gewichten, TimeProvider klok)
{
    public async Task<IReadOnlyList<GiStand>> OpAsync(DateOnly dag, CancellationToken ct)
    {
        var nu = klok.GetUtcNow().UtcDateTime;
        var contracten = await db.Regiocontracten.AsNoTracking().ToListAsync(ct);
        var certificaten = await db.Certificaten.AsNoTracking().ToListAsync(ct);
        var bezettingen = await db.Bezettingen.AsNoTracking().ToDictionaryAsync(b => b.GiCode, ct);
        var belasting = await db.LopendeMaatregelen.AsNoTracking().Where(m => m.Lopend)
            .GroupBy(m => new { m.GiCode, m.Type }).Select(g => new { g.Key.GiCode, g.Key.Type, Aantal = g.Count() }).ToListAsync(ct);
        var reserveringen = (await db.Reserveringen.AsNoTracking().Where(r => r.Status == ReserveringStatus.Actief).ToListAsync(ct))
            .Where(r => r.TeltOp(nu)).ToList();
        var stops = (await db.Stops.AsNoTracking().ToListAsync(ct)).Where(s => s.Van <= dag && (s.Tot is null || dag < s.Tot)).ToList();

        return GiRegister.Alle.Select(gi => new GiStand(
            gi,
            contracten.Where(c => c.GiCode == gi.Code && c.GeldigOp(dag)).Select(c => c.Regio).Distinct().ToList(),
            bezettingen.TryGetValue(gi.Code, out var b) ? b.Capaciteit : 0,
            belasting.Where(x => x.GiCode == gi.Code).Sum(x => x.Aantal * gewichten.Van(x.Type)),
            reserveringen.Where(r => r.GiCode == gi.Code).Sum(r => r.Openstaand),
            CertificaatPoort.MagNieuwAannemen(gi.Code, certificaten, dag),
            stops.Where(s => s.GiCode == gi.Code).Select(s => s.AlsStop()).ToList())).ToList();
    }
}
