using Grpc.Core;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Hosting;
using Jbk.Capaciteit.Persistence;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Capaciteit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using InstellingProto = Jbk.Capaciteit.V1.Instelling;

namespace Jbk.Capaciteit.Grpc;

/// <summary>Registry and load. Aggregate figures only, so every authenticated organisation may ask.</summary>
public sealed partial class CapaciteitGrpcService(
    Uitgesteld<CapaciteitDbContext> database, Uitgesteld<CapaciteitStanden> standen, Standcache standcache, Beschikbaarheidsantwoorden antwoorden,
    Gewichten gewichten, IOptions<CertificaatOpties> certificaatOpties, IOptionsMonitor<CaseloadOpties> caseload, TimeProvider klok)
    : CapaciteitService.CapaciteitServiceBase
{
    // Taken from the call's scope when first used: the availability question answered from memory needs neither.
    private CapaciteitDbContext Db => database.Waarde;
    private CapaciteitStanden Standen => standen.Waarde;

    /// <summary>Figures without personal data: every organisation of the chain, and the services that plan with them.</summary>
    private const Betrokkene Cijfers = Betrokkene.Ketenpartners | Betrokkene.DienstOverdracht | Betrokkene.DienstClientenstop;

    [Mag(Cijfers, "cijfers zonder persoonsgegevens")]
    public override async Task<ListInstellingenResponse> ListInstellingen(ListInstellingenRequest request, ServerCallContext context)
    {
        var instellingen = await Db.Instellingen.AsNoTracking().OrderBy(i => i.Code).ToListAsync(context.CancellationToken);
        var response = new ListInstellingenResponse();
        response.Instellingen.AddRange(instellingen.Select(i => new InstellingProto
        {
            Code = i.Code,
            Naam = i.Naam,
            Soort = (Jbk.Capaciteit.V1.InstellingSoort)(int)i.Soort,
            Regios = { i.Regios },
            Doelgroepen = { i.Doelgroepen },
            MaatregelTypes = { (GiRegister.Alle.FirstOrDefault(g => g.Code == i.Code)?.MaatregelTypes ?? Enum.GetValues<MaatregelType>()).Select(t => t.ToProto()) },
        }));
        return response;
    }

    [Mag(Cijfers, "cijfers zonder persoonsgegevens")]
    public override async Task<GeefBelastingResponse> GeefBelasting(GeefBelastingRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.GiCode))
            throw new OngeldigeInvoerException("gi_code", "Noem de GI waarvan u de belasting wilt zien.");
        var code = request.GiCode.Trim().ToUpperInvariant();
        if (!await Db.Instellingen.AnyAsync(i => i.Code == code, context.CancellationToken))
            throw new NietGevondenException("GI", code, $"GI '{code}' staat niet in het register.");

        var groepen = await Db.LopendeMaatregelen.AsNoTracking().Where(m => m.GiCode == code && m.Lopend)
            .GroupBy(m => new { m.Type, m.Regio })
            .Select(g => new { g.Key.Type, g.Key.Regio, Aantal = g.Count() })
            .ToListAsync(context.CancellationToken);
        var response = new GeefBelastingResponse { GiCode = code, LopendeMaatregelen = groepen.Sum(g => g.Aantal) };
        response.PerSoort.AddRange(groepen.OrderBy(g => g.Type).ThenBy(g => g.Regio)
            .Select(g => new BelastingPerSoort { Type = g.Type.ToProto(), Regio = g.Regio, Aantal = g.Aantal }));
        return response;
    }
}
