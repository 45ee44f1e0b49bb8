using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Microsoft.EntityFrameworkCore;
using CaseloadRegelProto = Jbk.Capaciteit.V1.CaseloadRegel;

namespace Jbk.Capaciteit.Grpc;

/// <summary>The GIs' monthly caseload reports: counts per region and type, so load is real also for measures outside the platform.</summary>
public sealed partial class CapaciteitGrpcService
{
    [Mag(Betrokkene.EigenGi | Betrokkene.Operator, "de GI van de rapportage")]
    public override async Task<RapporteerCaseloadResponse> RapporteerCaseload(RapporteerCaseloadRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.GetCaller();
        var gi = Velden.Gi(request.GiCode);
        Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, gi));
        var peildatum = request.Peildatum?.ToDateOnly() ?? throw new OngeldigeInvoerException("peildatum", "De peildatum van de rapportage ontbreekt of bestaat niet.");
        var regels = request.Regels.Select(r => (Regio: Velden.Regio(r.Regio), Type: Velden.Type(r.Type), r.Aantal)).ToList();
        Caseloadrapportage.Valideer(peildatum, Vandaag, regels);

        var nieuwste = await Db.Caseloadregels.Where(r => r.GiCode == gi).MaxAsync(r => (DateOnly?)r.Peildatum, ct);
        if (nieuwste > peildatum)
            throw new RegelGeschondenException(Caseloadrapportage.NieuwsteRapportageTelt,
                $"{gi} rapporteerde al over {nieuwste:yyyy-MM-dd}; een rapportage over {peildatum:yyyy-MM-dd} zou de nieuwere vervangen.");
        var bestaand = await Db.Caseloadregels.Where(r => r.GiCode == gi && r.Peildatum == peildatum).ToListAsync(ct);
        // The same report again (a retry, a double click): nothing changes, nothing is audited.
        if (bestaand.Count == regels.Count && regels.All(r => bestaand.Any(b => (b.Regio, b.Type, b.Gerapporteerd) == r)))
            return Antwoord(gi, peildatum, bestaand);

        // How many of each line the platform holds for the GI now: the rest is load it cannot see.
        var inPlatform = await Db.LopendeMaatregelen.AsNoTracking().Where(m => m.GiCode == gi && m.Lopend)
            .GroupBy(m => new { m.Regio, m.Type }).Select(g => new { g.Key.Regio, g.Key.Type, Aantal = g.Count() }).ToListAsync(ct);
        var nu = klok.GetUtcNow().UtcDateTime;
        // A correction changes the lines in place: a correction racing it finds them changed (their concurrency token).
        var nieuw = new List<Domain.CaseloadRegel>();
        foreach (var r in regels)
        {
            var regel = bestaand.FirstOrDefault(b => b.Regio == r.Regio && b.Type == r.Type);
            if (regel is null) Db.Caseloadregels.Add(regel = new Domain.CaseloadRegel { GiCode = gi, Peildatum = peildatum, Regio = r.Regio, Type = r.Type });
            regel.Gerapporteerd = r.Aantal;
            regel.InPlatform = inPlatform.FirstOrDefault(p => p.Regio == r.Regio && p.Type == r.Type)?.Aantal ?? 0;
            regel.OntvangenOpUtc = nu;
            nieuw.Add(regel);
        }
        Db.Caseloadregels.RemoveRange(bestaand.Except(nieuw));
        Audit(caller, $"caseloadrapportage {gi} per {peildatum:yyyy-MM-dd}{(bestaand.Count > 0 ? " (correctie)" : "")}: "
            + string.Join(", ", nieuw.OrderBy(r => r.Regio).ThenBy(r => r.Type).Select(r => $"{r.Regio} {r.Type} {r.Gerapporteerd}")));
        await Db.SaveChangesAsync(ct);
        return Antwoord(gi, peildatum, nieuw);
    }

    private RapporteerCaseloadResponse Antwoord(string gi, DateOnly peildatum, IReadOnlyList<Domain.CaseloadRegel> regels)
    {
        var response = new RapporteerCaseloadResponse
        {
            GiCode = gi, Peildatum = peildatum.ToProto(), BelastingBuitenPlatform = (double)Caseloadrapportage.GewogenBuitenPlatform(regels, gewichten),
            Meldingen = { Caseloadrapportage.Meldingen(gi, regels, Vandaag, caseload.CurrentValue.RapportageVerouderdNaDagen) },
        };
        response.Regels.AddRange(regels.OrderBy(r => r.Regio).ThenBy(r => r.Type)
            .Select(r => new CaseloadRegelProto { Regio = r.Regio, Type = r.Type.ToProto(), Aantal = r.Gerapporteerd, InPlatform = r.InPlatform }));
        return response;
    }
}
