using Jbk.Capaciteit.Domain;
using Jbk.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jbk.Capaciteit.Persistence;

/// <summary>
/// Reads what the availability rules need for every GI on a date: contracts, certificates, staffing, load (the
/// platform's running measures plus what the GI's newest caseload report has beyond them), reservations, stops.
/// </summary>
public sealed class CapaciteitStanden(CapaciteitDbContext db, Gewichten gewichten, IOptionsSnapshot<CaseloadOpties> caseload, TimeProvider klok)
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
        var rapportages = Caseloadrapportage.Nieuwste(await db.Caseloadregels.AsNoTracking().Where(r => r.Peildatum <= dag).ToListAsync(ct));
        var stops = (await db.Stops.AsNoTracking().ToListAsync(ct)).Where(s => s.Van <= dag && (s.Tot is null || dag < s.Tot)).ToList();

        return GiRegister.Alle.Select(gi =>
        {
            var rapportage = rapportages.GetValueOrDefault(gi.Code) ?? [];
            var buiten = Caseloadrapportage.GewogenBuitenPlatform(rapportage, gewichten);
            return new GiStand(
                gi,
                contracten.Where(c => c.GiCode == gi.Code && c.GeldigOp(dag)).Select(c => c.Regio).Distinct().ToList(),
                bezettingen.TryGetValue(gi.Code, out var b) ? b.Capaciteit : 0,
                belasting.Where(x => x.GiCode == gi.Code).Sum(x => x.Aantal * gewichten.Van(x.Type)) + buiten,
                reserveringen.Where(r => r.GiCode == gi.Code).Sum(r => r.Openstaand),
                CertificaatPoort.MagNieuwAannemen(gi.Code, certificaten, dag),
                stops.Where(s => s.GiCode == gi.Code).Select(s => s.AlsStop()).ToList(),
                new Caseloadstand(rapportage.Count == 0 ? null : rapportage[0].Peildatum, buiten,
                    Caseloadrapportage.Meldingen(gi.Code, rapportage, dag, caseload.Value.RapportageVerouderdNaDagen)),
                b?.FteEffectief ?? 0, b?.Norm ?? 0);
        }).ToList();
    }
}
