using Grpc.Core;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.BuildingBlocks.Errors;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Microsoft.EntityFrameworkCore;
using Kandidaat = Jbk.Capaciteit.V1.Kandidaat;
using Uitgesloten = Jbk.Capaciteit.V1.Uitgesloten;

namespace Jbk.Capaciteit.Grpc;

/// <summary>The RvdK's question and the overview for gemeenten and operators: figures and reasons, no personal data.</summary>
public sealed partial class CapaciteitGrpcService
{
    [Mag(Cijfers, "cijfers zonder persoonsgegevens")]
    public override async Task<VraagBeschikbaarheidResponse> VraagBeschikbaarheid(VraagBeschikbaarheidRequest request, ServerCallContext context)
    {
        var regio = Velden.Regio(request.Regio);
        var type = Velden.Type(request.Type);
        if (request.Gezinsgrootte < 0) throw new OngeldigeInvoerException("gezinsgrootte", "De gezinsgrootte kan niet negatief zijn.");
        var dag = Velden.Datum(request.Datum, "datum", Vandaag);
        var casus = new Casus(regio, type, request.Doelgroepen.Select(d => d.Trim().ToLowerInvariant()).ToList(),
            Math.Max(1, request.Gezinsgrootte), dag, request.Spoed);

        // Today's figures come from memory while nothing changed, and so does the answer to a question asked on them
        // before; another day is read from the records.
        if (dag == Vandaag)
        {
            var opname = await standcache.OpAsync(dag, () => Standen.OpAsync(dag, context.CancellationToken));
            return antwoorden.Geef(opname, casus, () => Beantwoord(casus, opname));
        }
        return Beantwoord(casus, await Standen.OpAsync(dag, context.CancellationToken));
    }

    private VraagBeschikbaarheidResponse Beantwoord(Casus casus, IReadOnlyList<GiStand> alle)
    {
        var (kandidaten, uitgesloten) = Beschikbaarheid.Bepaal(casus, alle, gewichten);
        var response = new VraagBeschikbaarheidResponse();
        response.Kandidaten.AddRange(kandidaten.Select(k => new Kandidaat
        {
            GiCode = k.GiCode, Naam = k.Naam, Ring = (V1.Ring)(int)k.Ring, Vrij = (double)k.Vrij, Redenen = { k.Redenen },
        }));
        response.Uitgesloten.AddRange(uitgesloten.Select(u => new Uitgesloten { GiCode = u.GiCode, Naam = u.Naam, Regel = u.Regel, Reden = u.Reden }));
        return response;
    }

    [Mag(Cijfers, "cijfers zonder persoonsgegevens")]
    public override async Task<GeefCapaciteitsoverzichtResponse> GeefCapaciteitsoverzicht(GeefCapaciteitsoverzichtRequest request, ServerCallContext context)
    {
        string? regio = string.IsNullOrWhiteSpace(request.Regio) ? null : Velden.Regio(request.Regio);
        var ct = context.CancellationToken;
        var alle = await Standen.OpAsync(Vandaag, ct);
        var tellingen = await Db.LopendeMaatregelen.AsNoTracking().Where(m => m.Lopend && (regio == null || m.Regio == regio))
            .GroupBy(m => m.GiCode)
            .Select(g => new { Gi = g.Key, Lopend = g.Count(), ZonderVaste = g.Count(m => m.VasteJeugdbeschermerBij == null || m.VasteJeugdbeschermerBij != m.GiCode) })
            .ToDictionaryAsync(x => x.Gi, ct);
        var response = new GeefCapaciteitsoverzichtResponse();
        foreach (var s in alle.Where(s => regio is null || s.GecontracteerdeRegios.Contains(regio) || tellingen.ContainsKey(s.Gi.Code)))
        {
            tellingen.TryGetValue(s.Gi.Code, out var t);
            response.Gis.Add(new CapaciteitPerGi
            {
                GiCode = s.Gi.Code, Capaciteit = s.Capaciteit, Belasting = (double)s.GewogenBelasting, Gereserveerd = (double)s.Gereserveerd,
                Vrij = (double)s.Vrij, Lopend = t?.Lopend ?? 0, ZonderVasteJeugdbeschermer = t?.ZonderVaste ?? 0,
                MagNieuwAannemen = s.Certificaat.Toegestaan, Certificaat = s.Certificaat.Reden,
                BelastingBuitenPlatform = (double)s.Caseload.GewogenBuitenPlatform, CaseloadPeildatum = s.Caseload.Peildatum?.ToProto(),
                Meldingen = { s.Caseload.Meldingen }, FteEffectief = (double)s.FteEffectief, Norm = (double)s.Norm,
            });
        }
        return response;
    }
}
