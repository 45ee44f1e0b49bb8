using Grpc.Core;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using CertificaatProto = Jbk.Capaciteit.V1.Certificaat;
using CertificaatSoort = Jbk.Capaciteit.Domain.CertificaatSoort;
using Bezetting = Jbk.Capaciteit.Domain.Bezetting;

namespace Jbk.Capaciteit.Grpc;

/// <summary>Certificates, staffing and contracts: the registry's changes, each audited, certificate changes published.</summary>
public sealed partial class CapaciteitGrpcService
{
    private DateOnly Vandaag => DateOnly.FromDateTime(klok.GetUtcNow().UtcDateTime);

    [Mag(Cijfers, "cijfers zonder persoonsgegevens")]
    public override async Task<GeefCertificaatstatusResponse> GeefCertificaatstatus(GeefCertificaatstatusRequest request, ServerCallContext context)
    {
        var gi = Velden.Gi(request.GiCode);
        var dag = Velden.Datum(request.Datum, "datum", Vandaag);
        var certificaten = await Db.Certificaten.AsNoTracking().Where(c => c.GiCode == gi).OrderBy(c => c.Van).ToListAsync(context.CancellationToken);
        var uitkomst = CertificaatPoort.MagNieuwAannemen(gi, certificaten, dag);
        var response = new GeefCertificaatstatusResponse { MagNieuwAannemen = uitkomst.Toegestaan, Reden = uitkomst.Reden };
        response.Certificaten.AddRange(certificaten.Select(ToProto));
        response.Regios.AddRange((await Db.Regiocontracten.AsNoTracking().Where(c => c.GiCode == gi).ToListAsync(context.CancellationToken))
            .Where(c => c.GeldigOp(dag)).Select(c => c.Regio).Distinct().Order());
        return response;
    }

    [Mag(Betrokkene.Operator, "besluiten van het Keurmerkinstituut")]
    public override async Task<RegistreerCertificaatResponse> RegistreerCertificaat(RegistreerCertificaatRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var gi = Velden.Gi(request.GiCode);
        if (request.Soort == V1.CertificaatSoort.Unspecified) throw new OngeldigeInvoerException("soort", "Het soort certificaat ontbreekt.");
        var van = request.Van.ToDateOnly() ?? throw new OngeldigeInvoerException("van", "De begindatum ontbreekt of is geen bestaande datum.");
        var tot = request.Tot is null ? (DateOnly?)null : Velden.Datum(request.Tot, "tot", van);
        var certificaat = Domain.Certificaat.Nieuw(gi, (CertificaatSoort)(int)request.Soort, van, tot, certificaatOpties.Value);
        // The same certificate registered again (a retry) is the one already there; a unique index holds it under races.
        if (await Db.Certificaten.AsNoTracking().FirstOrDefaultAsync(c => c.GiCode == gi && c.Soort == certificaat.Soort && c.Van == van,
                context.CancellationToken) is { } bestaand)
            return bestaand.Tot == certificaat.Tot
                ? new() { Certificaat = ToProto(bestaand) }
                : throw new RegelGeschondenException(CapaciteitRegels.CertificaatDuur,
                    $"{gi} heeft al een {Domain.Certificaat.Omschrijving(bestaand.Soort)} vanaf {van:yyyy-MM-dd} (tot {bestaand.Tot:yyyy-MM-dd}); verleng of trek dat in.");
        Db.Certificaten.Add(certificaat);
        Leg(caller, certificaat, "geregistreerd");
        await Db.SaveChangesAsync(context.CancellationToken);
        return new() { Certificaat = ToProto(certificaat) };
    }

    [Mag(Betrokkene.Operator, "besluiten van het Keurmerkinstituut")]
    public override async Task<VerlengCertificaatResponse> VerlengCertificaat(VerlengCertificaatRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var certificaat = await LaadCertificaat(request.CertificaatId, context.CancellationToken);
        certificaat.Verleng(certificaatOpties.Value);
        Leg(caller, certificaat, "verlengd");
        await Db.SaveChangesAsync(context.CancellationToken);
        return new() { Certificaat = ToProto(certificaat) };
    }

    [Mag(Betrokkene.Operator, "besluiten van het Keurmerkinstituut")]
    public override async Task<TrekCertificaatInResponse> TrekCertificaatIn(TrekCertificaatInRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var certificaat = await LaadCertificaat(request.CertificaatId, context.CancellationToken);
        if (!certificaat.TrekIn(Velden.Datum(request.Op, "op", Vandaag))) return new() { Certificaat = ToProto(certificaat) };
        Leg(caller, certificaat, "ingetrokken");
        await Db.SaveChangesAsync(context.CancellationToken);
        return new() { Certificaat = ToProto(certificaat) };
    }

    [Mag(Betrokkene.EigenGi | Betrokkene.Operator, "de GI van de bezetting")]
    public override async Task<StelBezettingInResponse> StelBezettingIn(StelBezettingInRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var b = request.Bezetting ?? throw new OngeldigeInvoerException("bezetting", "De bezetting ontbreekt.");
        var gi = Velden.Gi(b.GiCode, "bezetting.gi_code");
        Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, gi));
        var (totaal, ziek, ext, opl, norm, factor) = ((decimal)b.FteTotaal, (decimal)b.FteZiek, (decimal)b.FteExtern, (decimal)b.FteInOpleiding,
            b.Norm == 0 ? caseload.CurrentValue.Norm : (decimal)b.Norm, b.Opleidingsfactor == 0 ? caseload.CurrentValue.Opleidingsfactor : (decimal)b.Opleidingsfactor);
        Bezetting.Valideer(totaal, ziek, ext, opl, norm, factor);
        var bezetting = await Db.Bezettingen.FindAsync([gi], context.CancellationToken);
        // The same figures again (a retry, a double click): nothing changes, nothing is audited.
        if (bezetting is not null && (bezetting.FteTotaal, bezetting.FteZiek, bezetting.FteExtern, bezetting.FteInOpleiding, bezetting.Norm, bezetting.OpleidingsFactor)
                == (totaal, ziek, ext, opl, norm, factor))
            return new() { Bezetting = ToProto(bezetting) };
        if (bezetting is null) Db.Bezettingen.Add(bezetting = new Bezetting { GiCode = gi });
        (bezetting.FteTotaal, bezetting.FteZiek, bezetting.FteExtern, bezetting.FteInOpleiding, bezetting.Norm, bezetting.OpleidingsFactor) =
            (totaal, ziek, ext, opl, norm, factor);
        bezetting.BijgewerktOpUtc = klok.GetUtcNow().UtcDateTime;
        Audit(caller, $"bezetting {gi}: {totaal} FTE, {ziek} ziek, {ext} extern, {opl} in opleiding, norm {norm}, opleidingsfactor {factor}");
        await Db.SaveChangesAsync(context.CancellationToken);
        return new() { Bezetting = ToProto(bezetting) };
    }

    [Mag(Betrokkene.GemeenteVanDeRegio | Betrokkene.Operator, "een gemeente van de regio van het contract")]
    public override async Task<RegistreerRegiocontractResponse> RegistreerRegiocontract(RegistreerRegiocontractRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var gi = Velden.Gi(request.GiCode);
        var regio = Velden.Regio(request.Regio);
        Relatie.Vereis(context, Relatie.TotRegio(caller.Organisatie, [regio]));
        var van = request.Van.ToDateOnly() ?? throw new OngeldigeInvoerException("van", "De begindatum van het contract ontbreekt.");
        DateOnly? tot = request.Tot is null ? null : Velden.Datum(request.Tot, "tot", van);
        if (tot <= van) throw new OngeldigeInvoerException("tot", "Het contract moet na de begindatum eindigen.");
        // Registered again: the same contract stands once; the same start with another end is a different decision.
        if (await Db.Regiocontracten.AsNoTracking().FirstOrDefaultAsync(c => c.GiCode == gi && c.Regio == regio && c.Van == van, context.CancellationToken) is { } bestaand)
            return bestaand.Tot == tot ? new()
                : throw new RegelGeschondenException("EenContractPerStartdatum",
                    $"{gi} heeft in {regio} al een contract vanaf {van:yyyy-MM-dd} (tot {(bestaand.Tot is null ? "nader te bepalen" : bestaand.Tot.Value.ToString("yyyy-MM-dd"))}).");
        Db.Regiocontracten.Add(new Regiocontract { GiCode = gi, Regio = regio, Van = van, Tot = tot });
        Audit(caller, $"regiocontract {gi} in {regio} van {van:yyyy-MM-dd} tot {(tot is null ? "nader te bepalen" : tot.Value.ToString("yyyy-MM-dd"))}");
        await Db.SaveChangesAsync(context.CancellationToken);
        return new();
    }

    private async Task<Domain.Certificaat> LaadCertificaat(long id, CancellationToken ct) =>
        await Db.Certificaten.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NietGevondenException("certificaat", id.ToString());

    private void Leg(Caller caller, Domain.Certificaat c, string wijziging)
    {
        Audit(caller, $"{Domain.Certificaat.Omschrijving(c.Soort)} van {c.GiCode} {wijziging}: {c.Van:yyyy-MM-dd} tot {c.Tot:yyyy-MM-dd}");
        Db.Publish(new CertificaatGewijzigd(c.GiCode, c.Soort.ToString(), c.Van, c.Tot, c.IngetrokkenOp, wijziging));
    }

    private void Audit(Caller caller, string wat) => Db.Audit.Add(new AuditRegel
    {
        OpUtc = klok.GetUtcNow().UtcDateTime, Organisatie = caller.Organisatie.ToString(), Gebruiker = caller.Gebruiker, Wat = wat,
    });

    private static CertificaatProto ToProto(Domain.Certificaat c)
    {
        var p = new CertificaatProto { Id = c.Id, GiCode = c.GiCode, Soort = (V1.CertificaatSoort)(int)c.Soort, Van = c.Van.ToProto(), Tot = c.Tot.ToProto(), Verlengingen = c.Verlengingen };
        if (c.IngetrokkenOp is { } i) p.IngetrokkenOp = i.ToProto();
        return p;
    }

    private static V1.Bezetting ToProto(Bezetting b) => new()
    {
        GiCode = b.GiCode, FteTotaal = (double)b.FteTotaal, FteZiek = (double)b.FteZiek, FteExtern = (double)b.FteExtern,
        FteInOpleiding = (double)b.FteInOpleiding, Norm = (double)b.Norm, Opleidingsfactor = (double)b.OpleidingsFactor,
        FteInzetbaar = (double)b.FteInzetbaar, FteEffectief = (double)b.FteEffectief, Capaciteit = b.Capaciteit,
    };
}
