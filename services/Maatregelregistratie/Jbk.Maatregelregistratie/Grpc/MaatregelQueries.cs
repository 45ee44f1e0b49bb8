using Jbk.BuildingBlocks.Audit;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;
using Microsoft.EntityFrameworkCore;
using DomainToewijzingSoort = Jbk.Maatregelregistratie.Domain.ToewijzingSoort;
using Maatregel = Jbk.Maatregelregistratie.Domain.Maatregel;
using MaatregelStatus = Jbk.Maatregelregistratie.Domain.MaatregelStatus;

namespace Jbk.Maatregelregistratie.Grpc;

/// <summary>The queries: one measure, a GI's measures, its deadlines, and counts without personal data.</summary>
public sealed partial class MaatregelGrpcService
{
    private const int StandaardPagina = 50;
    private const int MaximalePagina = 500;

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi | Betrokkene.Rvdk | Betrokkene.DienstOverdracht,
        "de verantwoordelijke GI; de ontvangende GI zolang de overdracht loopt")]
    public override async Task<GeefMaatregelResponse> GeefMaatregel(GeefMaatregelRequest request, ServerCallContext context)
    {
        var maatregel = await Laad(request.MaatregelId, context.CancellationToken);
        Vereis(context, maatregel);
        var proto = Proto(maatregel);
        if (await db.Jeugdigen.AsNoTracking().SingleOrDefaultAsync(j => j.Id == maatregel.JeugdigeId, context.CancellationToken) is { } jeugdige)
            proto.Doelgroepen.AddRange(jeugdige.Doelgroepen);
        return new() { Maatregel = proto };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.Rvdk | Betrokkene.DienstOverdracht, "de GI die de request noemt")]
    public override async Task<ZoekMaatregelenResponse> ZoekMaatregelen(ZoekMaatregelenRequest request, ServerCallContext context)
    {
        var gi = Invoer.BekendeGi(request.GiCode, "gi_code");
        Relatie.Vereis(context, Relatie.TotGi(context.GetCaller().Organisatie, gi));
        if (request.PageSize is < 0 or > MaximalePagina)
            throw new OngeldigeInvoerException("page_size", $"page_size ligt tussen 1 en {MaximalePagina}.");
        var grootte = request.PageSize == 0 ? StandaardPagina : request.PageSize;
        var vanaf = string.IsNullOrEmpty(request.PageToken) ? 0
            : int.TryParse(request.PageToken, out var o) && o >= 0 ? o
            : throw new OngeldigeInvoerException("page_token", "Deze page_token komt niet uit een eerder antwoord.");

        var query = db.Maatregelen.AsNoTracking().Where(m => m.VerantwoordelijkeGi == gi);
        if (request.Type != Common.V1.MaatregelType.Unspecified)
        {
            var type = MaatregelTypeMapping.FromProto(request.Type) ?? throw new OngeldigeInvoerException("type", "Onbekend type maatregel.");
            query = query.Where(m => m.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(request.Regio))
        {
            var regio = request.Regio.Trim().ToLowerInvariant();
            query = query.Where(m => m.Regio == regio);
        }
        if (request.Status != Maatregelen.V1.MaatregelStatus.Unspecified)
        {
            var status = (MaatregelStatus)(int)request.Status;
            query = query.Where(m => m.Status == status);
        }
        if (Invoer.OptioneelId(request.GezinId, "gezin_id", "gezin") is { } gezin) query = query.Where(m => m.GezinId == gezin);
        if (request.ZonderVasteJeugdbeschermer)
            query = query.Where(m => m.Status == MaatregelStatus.Lopend
                && !m.Toewijzingen.Any(t => t.Tot == null && t.Soort == DomainToewijzingSoort.Vast));
        query = query.OrderBy(m => m.Startdatum).ThenBy(m => m.Id);

        List<Maatregel> pagina;
        bool meer;
        if (request.TermijnBinnenDagen > 0)
        {
            // Deadlines are computed, not stored: filter in memory, then page.
            var grens = Vandaag.AddDays(request.TermijnBinnenDagen);
            var alle = (await query.Where(m => m.Status == MaatregelStatus.Lopend).ToListAsync(context.CancellationToken))
                .Where(m => termijnen.Bereken(m).Any(t => t.VoldaanOp is null && t.Uiterlijk <= grens)).ToList();
            pagina = alle.Skip(vanaf).Take(grootte).ToList();
            meer = alle.Count > vanaf + grootte;
        }
        else
        {
            pagina = await query.Skip(vanaf).Take(grootte + 1).ToListAsync(context.CancellationToken);
            meer = pagina.Count > grootte;
            if (meer) pagina.RemoveAt(grootte);
        }
        var response = new ZoekMaatregelenResponse { NextPageToken = meer ? (vanaf + grootte).ToString() : "" };
        response.Maatregelen.AddRange(pagina.Select(Proto));
        if (request.MetDoelgroepen)
        {
            // One query for the page's children, not one per measure.
            var kinderen = pagina.Select(m => m.JeugdigeId).Distinct().ToList();
            var doelgroepen = await db.Jeugdigen.AsNoTracking().Where(j => kinderen.Contains(j.Id))
                .ToDictionaryAsync(j => j.Id, j => j.Doelgroepen, context.CancellationToken);
            foreach (var (m, proto) in pagina.Zip(response.Maatregelen))
                if (doelgroepen.TryGetValue(m.JeugdigeId, out var d)) proto.Doelgroepen.AddRange(d);
        }
        return response;
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.Rvdk | Betrokkene.DienstOverdracht, "de GI die de request noemt")]
    public override async Task<GeefTermijnenResponse> GeefTermijnen(GeefTermijnenRequest request, ServerCallContext context)
    {
        var gi = Invoer.BekendeGi(request.GiCode, "gi_code");
        Relatie.Vereis(context, Relatie.TotGi(context.GetCaller().Organisatie, gi));
        var peildatum = request.Peildatum is null ? Vandaag : Invoer.Datum(request.Peildatum, "peildatum", "De peildatum");
        if (request.VensterDagen < 0) throw new OngeldigeInvoerException("venster_dagen", "venster_dagen kan niet negatief zijn.");
        var grens = peildatum.AddDays(request.VensterDagen == 0 ? 14 : request.VensterDagen);

        var lopend = await db.Maatregelen.AsNoTracking()
            .Where(m => m.VerantwoordelijkeGi == gi && m.Status == MaatregelStatus.Lopend).ToListAsync(context.CancellationToken);
        var response = new GeefTermijnenResponse();
        foreach (var m in lopend)
        foreach (var t in termijnen.Bereken(m).Where(t => t.VoldaanOp is null).OrderBy(t => t.Uiterlijk))
        {
            if (t.Uiterlijk < peildatum) response.Verstreken.Add(MaatregelMapping.ToProto(m, t, peildatum));
            else if (t.Uiterlijk <= grens) response.Binnenkort.Add(MaatregelMapping.ToProto(m, t, peildatum));
            else response.AantalLater++;
        }
        return response;
    }

    [Mag(Betrokkene.Ketenpartners, "aantallen zonder persoonsgegevens")]
    public override async Task<GeefTellingenResponse> GeefTellingen(GeefTellingenRequest request, ServerCallContext context)
    {
        var query = db.Maatregelen.AsNoTracking().Where(m => m.Status == MaatregelStatus.Lopend);
        if (!string.IsNullOrWhiteSpace(request.GiCode))
        {
            var gi = Invoer.BekendeGi(request.GiCode, "gi_code");
            query = query.Where(m => m.VerantwoordelijkeGi == gi);
        }
        var tellingen = await query
            .GroupBy(m => new { m.VerantwoordelijkeGi, m.Type, m.Regio })
            .Select(g => new
            {
                g.Key.VerantwoordelijkeGi, g.Key.Type, g.Key.Regio,
                Lopend = g.Count(),
                ZonderVaste = g.Count(m => !m.Toewijzingen.Any(t => t.Tot == null && t.Soort == DomainToewijzingSoort.Vast)),
            })
            .ToListAsync(context.CancellationToken);
        var response = new GeefTellingenResponse();
        response.Tellingen.AddRange(tellingen.OrderBy(t => t.VerantwoordelijkeGi).ThenBy(t => t.Type).ThenBy(t => t.Regio)
            .Select(t => new Telling { GiCode = t.VerantwoordelijkeGi, Type = t.Type.ToProto(), Regio = t.Regio, Lopend = t.Lopend, ZonderVasteJeugdbeschermer = t.ZonderVaste }));
        return response;
    }
}
