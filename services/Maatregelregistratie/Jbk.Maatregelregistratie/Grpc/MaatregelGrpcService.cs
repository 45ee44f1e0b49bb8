using Jbk.BuildingBlocks.Audit;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Contracts;
using Jbk.Contracts.Events;
using Jbk.Maatregelen.V1;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;
using Jbk.Maatregelregistratie.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Beschikking = Jbk.Maatregelregistratie.Domain.Beschikking;
using Jeugdige = Jbk.Maatregelregistratie.Domain.Jeugdige;
using BeschikkingSoort = Jbk.Maatregelregistratie.Domain.BeschikkingSoort;
using Maatregel = Jbk.Maatregelregistratie.Domain.Maatregel;
using MaatregelProto = Jbk.Maatregelen.V1.Maatregel;

namespace Jbk.Maatregelregistratie.Grpc;

/// <summary>The commands on measures. Each loads the measure, checks access, lets the domain apply its rule, and commits state and event together.</summary>
public sealed partial class MaatregelGrpcService(
    MaatregelDbContext db, TimeProvider klok, IOptionsSnapshot<MaatregelOpties> opties, TermijnBerekening termijnen)
    : MaatregelService.MaatregelServiceBase
{
    private DateOnly Vandaag => DateOnly.FromDateTime(klok.GetUtcNow().UtcDateTime);

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.Rvdk, "de GI die de request noemt")]
    public override async Task<RegistreerMaatregelResponse> RegistreerMaatregel(RegistreerMaatregelRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var type = MaatregelTypeMapping.FromProto(request.Type);
        // The key is the caller's own: another organisation's key never finds (and never returns) this registration.
        var invoer = MaatregelInvoer.Valideer(Sleutel(caller, request.IdempotentieSleutel), type, request.GiCode, request.Regio,
            request.Startdatum.ToDateOnly(), request.Einddatum.ToDateOnly(), request.Einddatum is not null, request.JrVariant);
        Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, invoer.GiCode));
        if (request.Jeugdige is null) throw new OngeldigeInvoerException("jeugdige", "De jeugdige ontbreekt.");
        var j = request.Jeugdige;
        var jeugdigeInvoer = JeugdigeInvoer.Valideer(invoer.Type, j.Bsn, j.Naam, j.Postcode, j.Huisnummer, j.Geboortedatum.ToDateOnly(),
            j.Gemeente, j.Doelgroepen);
        var ct = context.CancellationToken;

        var verlengingen = request.Verlengingen
            .Select((v, i) => Invoer.Beschikking(v, BeschikkingSoort.Verlengen, verplicht: true, $"verlengingen[{i}]")!).ToList();
        var einde = verlengingen.LastOrDefault()?.Einddatum ?? invoer.Einddatum;
        if (await BestaandeRegistratie(invoer.IdempotentieSleutel, ct) is { } bestaand)
            return new() { Maatregel = Proto(await ZelfdeRegistratie(bestaand, invoer, einde, jeugdigeInvoer.Bsn, ct)) };

        var jeugdige = await VindOfMaakJeugdige(jeugdigeInvoer, Invoer.OptioneelId(j.GezinId, "jeugdige.gezin_id", "gezin"), ct);
        Maatregel? ots = null;
        if (Invoer.OptioneelId(request.OtsId, "ots_id", "OTS") is { } otsId)
            ots = await db.Maatregelen.SingleOrDefaultAsync(m => m.Id == otsId, ct) ?? throw new NietGevondenException("OTS", request.OtsId);
        var beschikking = Invoer.Beschikking(request.Beschikking, BeschikkingSoort.Opleggen, verplicht: false);

        var (maatregel, geregistreerd) = Maatregel.Registreer(invoer, jeugdige, ots, beschikking, opties.Value, klok.GetUtcNow().UtcDateTime);
        db.Maatregelen.Add(maatregel);
        db.Publish(geregistreerd);
        foreach (var verlenging in verlengingen)
        {
            // Each extension as the court gave it: on its own date, before the measure lapsed, never dated after today.
            Maatregel.ControleerBeschikking(verlenging, Vandaag);
            db.Publish(maatregel.Verleng(verlenging, ots, opties.Value, jeugdige.Wordt18, verlenging.Datum));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same key raced in from a retry: the first registration stands.
            var nieuweJeugdige = db.Entry(jeugdige).State == EntityState.Added;
            db.ChangeTracker.Clear();
            if (await BestaandeRegistratie(invoer.IdempotentieSleutel, ct) is { } eerste)
                return new() { Maatregel = Proto(await ZelfdeRegistratie(eerste, invoer, einde, jeugdigeInvoer.Bsn, ct)) };
            if (nieuweJeugdige && jeugdige.Bsn is { } bsn && await db.Jeugdigen.AnyAsync(j => j.Bsn == bsn, ct))
                throw new GelijktijdigGewijzigdException("Dezelfde jeugdige werd tegelijk door een ander geregistreerd; probeer het opnieuw.");
            throw;
        }
        return new() { Maatregel = Proto(maatregel) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.Rvdk, "de verantwoordelijke GI van de maatregel")]
    public override async Task<VerlengMaatregelResponse> VerlengMaatregel(VerlengMaatregelRequest request, ServerCallContext context)
    {
        var maatregel = await Laad(request.MaatregelId, context.CancellationToken);
        Vereis(context, maatregel);
        var beschikking = Invoer.Beschikking(request.Beschikking, BeschikkingSoort.Verlengen, verplicht: true)!;
        var ots = maatregel.OtsId is { } otsId ? await db.Maatregelen.SingleOrDefaultAsync(m => m.Id == otsId, context.CancellationToken) : null;
        var geboren = await db.Jeugdigen.AsNoTracking().Where(j => j.Id == maatregel.JeugdigeId).Select(j => j.Geboortedatum).SingleAsync(context.CancellationToken);
        db.Publish(maatregel.Verleng(beschikking, ots, opties.Value, geboren.AddYears(18), DateOnly.FromDateTime(klok.GetUtcNow().UtcDateTime)));
        await Bewaar(maatregel, context.CancellationToken);
        return new() { Maatregel = Proto(maatregel) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.Rvdk, "de verantwoordelijke GI van de maatregel")]
    public override async Task<BeeindigMaatregelResponse> BeeindigMaatregel(BeeindigMaatregelRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var maatregel = await Laad(request.MaatregelId, ct);
        Vereis(context, maatregel);
        var datum = Invoer.Datum(request.Datum, "datum", "De datum van beëindiging");
        var reden = Invoer.Tekst(request.Reden, "reden", "De reden van beëindiging");
        var beschikking = Invoer.Beschikking(request.Beschikking, BeschikkingSoort.Beeindigen, verplicht: false);
        db.Publish(maatregel.Beeindig(datum, reden, beschikking, DateOnly.FromDateTime(klok.GetUtcNow().UtcDateTime)));
        if (maatregel.Type is MaatregelType.Ots or MaatregelType.VoorlopigeOts)
        {
            // MuhpEindigtMetOts: a placement authorisation cannot outlive the OTS it belongs to.
            var muhps = await db.Maatregelen.Where(m => m.OtsId == maatregel.Id && m.Status == Domain.MaatregelStatus.Lopend).ToListAsync(ct);
            foreach (var muhp in muhps.Where(m => m.HuidigeVerantwoordelijkheid.VanUtc < Maatregel.Moment(datum)))
            {
                db.Publish(muhp.Beeindig(datum, "De OTS waar deze MUHP bij hoort is beëindigd.", null));
                muhp.VerhoogVersie();
            }
        }
        await Bewaar(maatregel, ct);
        return new() { Maatregel = Proto(maatregel) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.DienstOverdracht, "alleen via een overdracht")]
    public override async Task<DraagVerantwoordelijkheidOverResponse> DraagVerantwoordelijkheidOver(
        DraagVerantwoordelijkheidOverRequest request, ServerCallContext context)
    {
        var maatregel = await Laad(request.MaatregelId, context.CancellationToken);
        var overdrachtId = Invoer.Id(request.OverdrachtId, "overdracht_id", "overdracht");
        var van = Invoer.BekendeGi(request.VanGi, "van_gi");
        var naar = Invoer.BekendeGi(request.NaarGi, "naar_gi");
        var op = request.Op?.ToDateTime() ?? throw new OngeldigeInvoerException("op", "Het moment van overdracht ontbreekt.");
        if (maatregel.DraagOver(van, naar, op, overdrachtId) is { } overgedragen)
        {
            db.Publish(overgedragen);
            await Bewaar(maatregel, context.CancellationToken);
        }
        return new() { Maatregel = Proto(maatregel) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.DienstOverdracht, "alleen via een overdracht")]
    public override async Task<VerleenInzageResponse> VerleenInzage(VerleenInzageRequest request, ServerCallContext context)
    {
        var maatregel = await Laad(request.MaatregelId, context.CancellationToken);
        var gi = Invoer.BekendeGi(request.GiCode, "gi_code");
        if (maatregel.VerleenInzage(gi, Invoer.Id(request.OverdrachtId, "overdracht_id", "overdracht"), klok.GetUtcNow().UtcDateTime))
            await Bewaar(maatregel, context.CancellationToken);
        return new();
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.DienstOverdracht, "alleen via een overdracht")]
    public override async Task<TrekInzageInResponse> TrekInzageIn(TrekInzageInRequest request, ServerCallContext context)
    {
        var maatregel = await Laad(request.MaatregelId, context.CancellationToken);
        if (maatregel.TrekInzageIn(Invoer.Id(request.OverdrachtId, "overdracht_id", "overdracht"), klok.GetUtcNow().UtcDateTime))
            await Bewaar(maatregel, context.CancellationToken);
        return new();
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de verantwoordelijke GI van de maatregel")]
    public override async Task<WijsJeugdbeschermerToeResponse> WijsJeugdbeschermerToe(WijsJeugdbeschermerToeRequest request, ServerCallContext context)
    {
        var maatregel = await Laad(request.MaatregelId, context.CancellationToken);
        Vereis(context, maatregel);
        if (request.Soort == Maatregelen.V1.ToewijzingSoort.Unspecified)
            throw new OngeldigeInvoerException("soort", "Zeg of het een vaste jeugdbeschermer of een pool is.");
        var wie = Invoer.Tekst(request.Wie, "wie", "Het (pseudonieme) id van de jeugdbeschermer of de naam van de pool");
        var van = Invoer.Datum(request.Van, "van", "De datum van toewijzing");
        if (maatregel.WijsToe((Domain.ToewijzingSoort)(int)request.Soort, wie, van) is { } toegewezen)
        {
            db.Publish(toegewezen);
            await Bewaar(maatregel, context.CancellationToken);
        }
        return new() { Maatregel = Proto(maatregel) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de verantwoordelijke GI van de maatregel")]
    public override async Task<RegistreerMijlpaalResponse> RegistreerMijlpaal(RegistreerMijlpaalRequest request, ServerCallContext context)
    {
        var maatregel = await Laad(request.MaatregelId, context.CancellationToken);
        Vereis(context, maatregel);
        if (!Enum.IsDefined((Domain.MijlpaalSoort)(int)request.Soort))
            throw new OngeldigeInvoerException("soort", "Het soort mijlpaal ontbreekt of is onbekend.");
        var datum = Invoer.Datum(request.Datum, "datum", "De datum van de mijlpaal");
        if (maatregel.RegistreerMijlpaal((Domain.MijlpaalSoort)(int)request.Soort, datum) is { } geregistreerd)
        {
            db.Publish(geregistreerd);
            await Bewaar(maatregel, context.CancellationToken);
        }
        return new() { Maatregel = Proto(maatregel) };
    }

    /// <summary>The caller's relation to the measure (responsible GI, receiving GI with read access, other) held against the RPC's policy.</summary>
    private static void Vereis(ServerCallContext context, Maatregel m) =>
        Relatie.Vereis(context, Relatie.TotGi(context.GetCaller().Organisatie, m.VerantwoordelijkeGi, m.HeeftInzage));

    private MaatregelProto Proto(Maatregel m) => MaatregelMapping.ToProto(m, termijnen.Bereken(m), Vandaag);

    private async Task<Maatregel> Laad(string id, CancellationToken ct)
    {
        var maatregelId = Invoer.Id(id, "maatregel_id");
        return await db.Maatregelen.SingleOrDefaultAsync(m => m.Id == maatregelId, ct) ?? throw new NietGevondenException("maatregel", id);
    }

    private static string? Sleutel(Caller caller, string? sleutel) =>
        string.IsNullOrWhiteSpace(sleutel) ? sleutel
        : sleutel.Trim().Length > 150 ? throw new OngeldigeInvoerException("idempotentie_sleutel", "Een idempotentiesleutel is ten hoogste 150 tekens.")
        : $"{caller.Organisatie}|{sleutel.Trim()}";

    /// <summary>A repeated request gets the first answer; the same key with another measure is a mistake, said so.</summary>
    private async Task<Maatregel> ZelfdeRegistratie(Maatregel bestaand, MaatregelInvoer invoer, DateOnly? einde, string? bsn, CancellationToken ct)
    {
        var bestaandeBsn = await db.Jeugdigen.AsNoTracking().Where(j => j.Id == bestaand.JeugdigeId).Select(j => j.Bsn).SingleOrDefaultAsync(ct);
        if (bestaand.Type != invoer.Type || bestaand.Regio != invoer.Regio || bestaand.Startdatum != invoer.Startdatum
            || (einde is not null && bestaand.Einddatum != einde) || bestaandeBsn != bsn)
            throw SleutelHergebruikt.Voor("idempotentiesleutel", $"een {bestaand.Type} vanaf {bestaand.Startdatum:yyyy-MM-dd}");
        return bestaand;
    }

    private Task<Maatregel?> BestaandeRegistratie(string sleutel, CancellationToken ct) =>
        db.Maatregelen.AsNoTracking().SingleOrDefaultAsync(m => m.IdempotentieSleutel == sleutel, ct);

    private async Task Bewaar(Maatregel maatregel, CancellationToken ct)
    {
        maatregel.VerhoogVersie();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new GelijktijdigGewijzigdException("De maatregel is tegelijk door een ander gewijzigd; lees haar opnieuw en probeer het nog eens.");
        }
    }

    private async Task<Jeugdige> VindOfMaakJeugdige(JeugdigeInvoer invoer, Guid? gezinId, CancellationToken ct)
    {
        var bestaand = invoer.Bsn is not null
            ? await db.Jeugdigen.SingleOrDefaultAsync(j => j.Bsn == invoer.Bsn, ct)
            : await db.Jeugdigen.FirstOrDefaultAsync(j => j.Bsn == null && j.Naam == invoer.Naam && j.Geboortedatum == invoer.Geboortedatum
                && j.Postcode == invoer.Postcode && j.Huisnummer == invoer.Huisnummer, ct);
        if (gezinId is { } gezin && !await db.Jeugdigen.AnyAsync(j => j.GezinId == gezin, ct))
            throw new NietGevondenException("gezin", gezin.ToString());
        if (bestaand is not null)
        {
            bestaand.Werkbij(invoer);
            return bestaand;
        }
        var nieuw = Jeugdige.Nieuw(invoer, gezinId ?? Guid.NewGuid());
        db.Jeugdigen.Add(nieuw);
        return nieuw;
    }
}
