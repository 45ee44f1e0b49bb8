using Grpc.Core;
using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Maatregelen.V1;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Maatregelregistratie.Grpc;

/// <summary>What the overdracht service needs of the system of record: a handover's switch in one step, and families as recorded.</summary>
public sealed partial class MaatregelGrpcService
{
    private const int MaximaalGezinnen = 500;

    [Persoonsgegevens]
    [Mag(Betrokkene.DienstOverdracht, "alleen via een overdracht")]
    public override async Task<DraagOverdrachtOverResponse> DraagOverdrachtOver(DraagOverdrachtOverRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var overdrachtId = Invoer.Id(request.OverdrachtId, "overdracht_id", "overdracht");
        var van = Invoer.BekendeGi(request.VanGi, "van_gi");
        var naar = Invoer.BekendeGi(request.NaarGi, "naar_gi");
        var op = request.Op?.ToDateTime() ?? throw new OngeldigeInvoerException("op", "Het moment van overdracht ontbreekt.");
        if (request.MaatregelIds.Count == 0) throw new OngeldigeInvoerException("maatregel_ids", "Noem de maatregelen van de overdracht.");
        var ids = request.MaatregelIds.Select(id => Invoer.Id(id, "maatregel_ids")).Distinct().ToList();
        var maatregelen = await db.Maatregelen.Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        if (ids.FirstOrDefault(id => maatregelen.All(m => m.Id != id)) is var onbekend && onbekend != Guid.Empty)
            throw new NietGevondenException("maatregel", onbekend.ToString());

        // Every measure or none: a rule broken by one stops the whole switch before anything is saved.
        var overgedragen = 0;
        foreach (var maatregel in maatregelen)
        {
            if (maatregel.DraagOver(van, naar, op, overdrachtId) is not { } gebeurtenis) continue;
            db.Publish(gebeurtenis);
            maatregel.VerhoogVersie();
            overgedragen++;
        }
        if (overgedragen > 0)
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                throw new GelijktijdigGewijzigdException("Een maatregel van de overdracht is tegelijk gewijzigd; er is niets overgedragen. Probeer het nog eens.");
            }
        }
        return new() { Overgedragen = overgedragen };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.DienstOverdracht, "de continuïteitscontroles en het rapport van overdracht")]
    public override async Task<GeefGezinsmaatregelenResponse> GeefGezinsmaatregelen(GeefGezinsmaatregelenRequest request, ServerCallContext context)
    {
        if (request.GezinIds.Count > MaximaalGezinnen)
            throw new OngeldigeInvoerException("gezin_ids", $"Vraag ten hoogste {MaximaalGezinnen} gezinnen per keer.");
        var gezinnen = request.GezinIds.Select(id => Invoer.Id(id, "gezin_ids", "gezin")).Distinct().ToList();
        var ct = context.CancellationToken;
        var maatregelen = await db.Maatregelen.AsNoTracking().Where(m => gezinnen.Contains(m.GezinId))
            .OrderBy(m => m.GezinId).ThenBy(m => m.Id).ToListAsync(ct);
        var kinderen = maatregelen.Select(m => m.JeugdigeId).Distinct().ToList();
        var doelgroepen = await db.Jeugdigen.AsNoTracking().Where(j => kinderen.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Doelgroepen, ct);
        var response = new GeefGezinsmaatregelenResponse();
        foreach (var m in maatregelen)
        {
            var proto = Proto(m);
            if (doelgroepen.TryGetValue(m.JeugdigeId, out var d)) proto.Doelgroepen.AddRange(d);
            response.Maatregelen.Add(proto);
        }
        return response;
    }
}
