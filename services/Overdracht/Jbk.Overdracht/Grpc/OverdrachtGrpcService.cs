using Jbk.BuildingBlocks.Audit;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Persistence;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Contracts;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;
using Jbk.Overdracht.Processen;
using Jbk.Overdracht.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Jbk.BuildingBlocks.Kalender;
using DocumentSoort = Jbk.Overdracht.Domain.DocumentSoort;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;
using OverdrachtStatus = Jbk.Overdracht.Domain.OverdrachtStatus;

namespace Jbk.Overdracht.Grpc;

/// <summary>The people's steps of a handover. The platform's own steps run in <see cref="OverdrachtVoortzetter"/>.</summary>
public sealed partial class OverdrachtGrpcService(
    OverdrachtDbContext db, OverdrachtSignaal signaal, TimeProvider klok, Werkdagen werkdagen, IOptions<OverdrachtOpties> opties,
    Wijzigingen<OverdrachtDbContext> wijzigingen)
    : OverdrachtService.OverdrachtServiceBase
{
    private DateTime Nu => klok.GetUtcNow().UtcDateTime;

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi | Betrokkene.Rvdk, "de verantwoordelijke GI; de ontvangende GI zolang een overdracht ervan loopt")]
    public override async Task<GeefMaatregelStandResponse> GeefMaatregelStand(GeefMaatregelStandRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Id(request.MaatregelId, "maatregel_id");
        var stand = await db.MaatregelStanden.AsNoTracking().SingleOrDefaultAsync(m => m.MaatregelId == id, context.CancellationToken)
            ?? throw new NietGevondenException("maatregel", request.MaatregelId, $"Overdracht kent maatregel '{request.MaatregelId}' (nog) niet.");
        var gi = caller.Organisatie.Code;
        var ontvangt = caller.Organisatie.Soort == OrganisatieSoort.Gi && !caller.Organisatie.IsGi(stand.VerantwoordelijkeGi)
            && await db.Overdrachten.AnyAsync(o => o.OntvangendeGi == gi && OverdrachtProces.Open.Contains(o.Status)
                && o.Maatregelen.Any(m => m.MaatregelId == id), context.CancellationToken);
        Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, stand.VerantwoordelijkeGi, _ => ontvangt),
            $"{caller.Organisatie} is niet verantwoordelijk voor deze maatregel en ontvangt haar niet in een lopende overdracht.");
        return new()
        {
            MaatregelId = stand.MaatregelId.ToString(), Type = stand.Type.ToProto(), VerantwoordelijkeGi = stand.VerantwoordelijkeGi, Regio = stand.Regio,
            Lopend = stand.Lopend,
        };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de verantwoordelijke GI van elke maatregel")]
    public override async Task<VraagOverdrachtAanResponse> VraagOverdrachtAan(VraagOverdrachtAanRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var id = Id(request.OverdrachtId, "overdracht_id");
        if (await db.Overdrachten.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } bestaand)
        {
            Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, bestaand.VerzendendeGi), "Deze overdracht-id is al in gebruik.");
            var gevraagd = request.MaatregelIds.Select(m => Guid.TryParse(m, out var g) ? g : Guid.Empty).ToHashSet();
            if (!string.Equals(bestaand.OntvangendeGi, request.OntvangendeGi.Trim(), StringComparison.OrdinalIgnoreCase)
                || bestaand.GeplandeOmzetting != request.GeplandeOmzetting.ToDateOnly() || !gevraagd.SetEquals(bestaand.Maatregelen.Select(m => m.MaatregelId)))
                throw SleutelHergebruikt.Voor("overdracht-id", $"{bestaand.Maatregelen.Count} maatregel(en) naar {bestaand.OntvangendeGi}");
            return new() { Overdracht = Proto(bestaand) };
        }
        var ontvanger = Gi(request.OntvangendeGi, "ontvangende_gi");
        var geplande = request.GeplandeOmzetting.ToDateOnly() ?? throw new OngeldigeInvoerException("geplande_omzetting", "De geplande datum van omzetting ontbreekt.");
        var maatregelen = new List<OverdrachtMaatregel>();
        foreach (var tekst in request.MaatregelIds.Distinct())
        {
            var mid = Id(tekst, "maatregel_ids");
            var stand = await db.MaatregelStanden.AsNoTracking().SingleOrDefaultAsync(s => s.MaatregelId == mid, ct)
                ?? throw new NietGevondenException("maatregel", tekst, $"Overdracht kent maatregel '{tekst}' (nog) niet.");
            Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, stand.VerantwoordelijkeGi),
                $"{caller.Organisatie} is niet verantwoordelijk voor maatregel {tekst} en kan haar niet overdragen.");
            maatregelen.Add(new OverdrachtMaatregel(mid, stand.Type, stand.GezinId, stand.JeugdigeId));
        }
        var eigenaars = request.TermijnEigenaars.Select(t => new TermijnEigenaarschap(Id(t.MaatregelId, "termijn_eigenaars.maatregel_id"),
            t.Soort, Gi(t.GiCode, "termijn_eigenaars.gi_code"))).ToList();
        var overdracht = OverdrachtProces.VraagAan(id, caller, ontvanger, geplande, maatregelen, request.RedenGezinSplitsen, Nu, eigenaars);
        db.Overdrachten.Add(overdracht);
        db.Publish(OverdrachtEvents.Stap(overdracht));
        await db.SaveChangesAsync(ct);
        signaal.Geef();
        return new() { Overdracht = Proto(overdracht) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende en de ontvangende GI")]
    public override async Task<GeefOverdrachtResponse> GeefOverdracht(GeefOverdrachtRequest request, ServerCallContext context)
    {
        var o = await Laad(request.OverdrachtId, context.CancellationToken, tracking: false);
        VereisPartij(context, o);
        return new() { Overdracht = Proto(o) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de GI die de request noemt, haar eigen overdrachten")]
    public override async Task<ZoekOverdrachtenResponse> ZoekOverdrachten(ZoekOverdrachtenRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var gi = string.IsNullOrWhiteSpace(request.GiCode) ? null : Gi(request.GiCode, "gi_code");
        Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, gi), "Een GI ziet de eigen overdrachten: noem de eigen GI-code.");
        var ct = context.CancellationToken;
        var zoek = await Overdrachtzoekopdracht.LeesAsync(request, gi, db, ct);
        var grens = request.VastgelopenUren > 0 ? Nu.AddHours(-request.VastgelopenUren) : DateTime.MaxValue;
        var query = db.Overdrachten.AsNoTracking()
            .Where(o => (gi == null || (zoek.Verzendend && o.VerzendendeGi == gi) || (zoek.Ontvangend && o.OntvangendeGi == gi)) && o.LaatsteStapUtc < grens);
        if (zoek.Statussen.Count > 0) query = query.Where(o => zoek.Statussen.Contains(o.Status));
        if (zoek.ScenarioOverdrachten is { } ids) query = query.Where(o => ids.Contains(o.Id));
        if (zoek.Na is { } na) query = query.Where(o => o.Id.CompareTo(na) > 0);
        query = query.OrderBy(o => o.Id);
        if (zoek.Pagina > 0) query = query.Take(zoek.Pagina + 1);
        var lijst = await query.ToListAsync(ct);
        if (request.VastgelopenUren > 0) lijst = lijst.Where(o => !o.IsAfgesloten).ToList();
        var response = new ZoekOverdrachtenResponse();
        if (zoek.Pagina > 0 && lijst.Count > zoek.Pagina)
        {
            lijst = lijst[..zoek.Pagina];
            response.NextPageToken = lijst[^1].Id.ToString();
        }
        V1.Overdracht Vorm(OverdrachtProces o)
        {
            var p = Proto(o);
            if (request.Compact) p.Historie.Clear();
            return p;
        }
        response.Inkomend.AddRange(lijst.Where(o => gi == null || o.OntvangendeGi == gi).Select(Vorm));
        response.Uitgaand.AddRange(lijst.Where(o => gi != null && o.VerzendendeGi == gi).Select(Vorm));
        return response;
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende GI; de ontvangende na controle en reservering")]
    public override async Task<LeesDossierResponse> LeesDossier(LeesDossierRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var o = await Laad(request.OverdrachtId, context.CancellationToken, tracking: false);
        var mag = o.MagDossierLezen(caller.Organisatie);
        await Log(o, caller, "dossier lezen", mag, context.CancellationToken);
        VereisPartij(context, o);
        if (!mag)
            throw new GeenToegangException(caller.Organisatie.IsGi(o.OntvangendeGi)
                ? $"{o.OntvangendeGi} kan het dossier pas lezen als de overdracht gecontroleerd is en de capaciteit gereserveerd, en niet meer na annuleren of afwijzen; status nu: {o.Status}."
                : "Alleen de verzendende en ontvangende GI van deze overdracht lezen het dossier.");
        var documenten = await db.Documenten.AsNoTracking().Where(d => d.OverdrachtId == o.Id).OrderBy(d => d.GeleverdOpUtc).ToListAsync(context.CancellationToken);
        var response = new LeesDossierResponse();
        response.Documenten.AddRange(documenten.Select(d => Proto(d, metInhoud: true)));
        return response;
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de verzendende GI")]
    public override Task<VerklaarDossierCompleetResponse> VerklaarDossierCompleet(VerklaarDossierCompleetRequest request, ServerCallContext context) =>
        Stap(request.OverdrachtId, context, async (o, c) =>
        {
            var aanwezig = await db.Documenten.AsNoTracking().Where(d => d.OverdrachtId == o.Id).Select(d => new { d.MaatregelId, d.Soort }).ToListAsync();
            o.LegDossierCompleetVast(DossierChecklist.Ontbrekend(o.Maatregelen, aanwezig.Select(a => (a.MaatregelId, a.Soort))), c, Nu);
        }, o => new VerklaarDossierCompleetResponse { Overdracht = Proto(o) });

    [Persoonsgegevens]
    [Mag(Betrokkene.OntvangendeGi, "de ontvangende GI")]
    public override Task<BeoordeelOverdrachtResponse> BeoordeelOverdracht(BeoordeelOverdrachtRequest request, ServerCallContext context) =>
        Stap(request.OverdrachtId, context, (o, c) =>
        {
            if (request.Accepteer) o.Accepteer(c, Nu); else o.WijsAf(request.Reden, c, Nu);
            return Task.CompletedTask;
        }, o => new BeoordeelOverdrachtResponse { Overdracht = Proto(o) });

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende en de ontvangende GI")]
    public override Task<DienVerzoekBijRechterInResponse> DienVerzoekBijRechterIn(DienVerzoekBijRechterInRequest request, ServerCallContext context) =>
        Stap(request.OverdrachtId, context, (o, c) =>
        {
            o.DienVerzoekBijRechterIn(request.Datum.ToDateOnly() ?? throw new OngeldigeInvoerException("datum", "De datum van het verzoek ontbreekt."), c, Nu);
            return Task.CompletedTask;
        }, o => new DienVerzoekBijRechterInResponse { Overdracht = Proto(o) });

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende en de ontvangende GI")]
    public override Task<LegRechterlijkBesluitVastResponse> LegRechterlijkBesluitVast(LegRechterlijkBesluitVastRequest request, ServerCallContext context) =>
        Stap(request.OverdrachtId, context, (o, c) =>
        {
            o.LegRechterlijkBesluitVast(request.Zaaknummer,
                request.Datum.ToDateOnly() ?? throw new OngeldigeInvoerException("datum", "De datum van de beschikking ontbreekt."), c, Nu);
            return Task.CompletedTask;
        }, o => new LegRechterlijkBesluitVastResponse { Overdracht = Proto(o) });

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende en de ontvangende GI")]
    public override Task<LegWarmeOverdrachtVastResponse> LegWarmeOverdrachtVast(LegWarmeOverdrachtVastRequest request, ServerCallContext context) =>
        Stap(request.OverdrachtId, context, (o, c) =>
        {
            if (request.Datum.ToDateOnly() is { } datum) o.LegWarmeOverdrachtVast(datum, c, Nu);
            else o.ZieAfVanWarmeOverdracht(request.RedenAfzien, c, Nu);
            return Task.CompletedTask;
        }, o => new LegWarmeOverdrachtVastResponse { Overdracht = Proto(o) });

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende en de ontvangende GI")]
    public override Task<ZetOmResponse> ZetOm(ZetOmRequest request, ServerCallContext context) =>
        Stap(request.OverdrachtId, context, async (o, c) =>
        {
            var op = request.Op?.ToDateTime() ?? throw new OngeldigeInvoerException("op", "Het moment van omzetting ontbreekt.");
            if (o.OmzettingGevraagdOpUtc is null) await VereisLopendOpAsync(o, op, context.CancellationToken);
            o.VraagOmzettingAan(op, c, Nu);
        }, o => new ZetOmResponse { Overdracht = Proto(o) });

    /// <summary>
    /// MaatregelLooptBijOmzetting: an ended measure (or one that ends before the instant) cannot be switched, and once the
    /// switch is asked for the handover can no longer be cancelled; so it is said now, while the GIs can still cancel.
    /// </summary>
    private async Task VereisLopendOpAsync(OverdrachtProces o, DateTime op, CancellationToken ct)
    {
        var ids = o.Maatregelen.Select(m => m.MaatregelId).ToList();
        var standen = await db.MaatregelStanden.AsNoTracking().Where(s => ids.Contains(s.MaatregelId)).ToListAsync(ct);
        var dag = DateOnly.FromDateTime(op);
        if (standen.FirstOrDefault(s => !s.Lopend || s.Einddatum is { } einde && einde <= dag) is { } geeindigd)
            throw new RegelGeschondenException("MaatregelLooptBijOmzetting",
                $"Maatregel {geeindigd.MaatregelId} is beëindigd of eindigt vóór {dag:yyyy-MM-dd}; annuleer deze overdracht en vraag er een aan zonder haar (of laat haar eerst verlengen).");
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende en de ontvangende GI")]
    public override Task<AnnuleerOverdrachtResponse> AnnuleerOverdracht(AnnuleerOverdrachtRequest request, ServerCallContext context) =>
        Stap(request.OverdrachtId, context, (o, c) =>
        {
            o.Annuleer(request.Reden, c, Nu);
            return Task.CompletedTask;
        }, o => new AnnuleerOverdrachtResponse { Overdracht = Proto(o) });

    /// <summary>
    /// One step by a person: load, apply the domain's rule, commit state and event together, wake the process. Taken
    /// again on what is there now when the process moved the handover on meanwhile (<see cref="StapOpVersie"/>).
    /// </summary>
    private Task<T> Stap<T>(string overdrachtId, ServerCallContext context, Func<OverdrachtProces, Caller, Task> stap, Func<OverdrachtProces, T> antwoord) =>
        StapOpVersie.OpnieuwBijGelijktijdigeWijziging(db, async () =>
        {
            var o = await Laad(overdrachtId, context.CancellationToken, tracking: true);
            var caller = context.GetCaller();
            // Before the step and before any reply (also a replay of a step already taken): the RPC's own parties only.
            VereisPartij(context, o);
            // Every change of a handover is a step in its history; a repeat that adds none stores and publishes nothing.
            var stappen = o.Historie.Count;
            await stap(o, caller);
            if (o.Historie.Count == stappen) return antwoord(o);
            o.VerhoogVersie();
            db.Publish(OverdrachtEvents.Stap(o));
            await db.SaveChangesAsync(context.CancellationToken);
            signaal.Geef();
            return antwoord(o);
        }, "De overdracht is tegelijk gewijzigd; lees haar opnieuw en probeer het nog eens.");

    private async Task<OverdrachtProces> Laad(string id, CancellationToken ct, bool tracking)
    {
        var overdrachtId = Id(id, "overdracht_id");
        var query = tracking ? db.Overdrachten : db.Overdrachten.AsNoTracking();
        return await query.SingleOrDefaultAsync(o => o.Id == overdrachtId, ct) ?? throw new NietGevondenException("overdracht", id);
    }

    /// <summary>What the caller is to the handover (sender, receiver, other), held against the RPC's policy.</summary>
    private static void VereisPartij(ServerCallContext context, OverdrachtProces o) =>
        Relatie.Vereis(context, Relatie.TotGi(context.GetCaller().Organisatie, o.VerzendendeGi, gi => gi == o.OntvangendeGi));

    /// <summary>Every read and write of a dossier, allowed or not: who, for which organisation, on whose behalf, which children, when.</summary>
    private async Task Log(OverdrachtProces o, Caller caller, string handeling, bool toegestaan, CancellationToken ct)
    {
        // Saved at once, before a refusal is thrown: a refused attempt is recorded too.
        LogZonderOpslaan(o, caller, handeling, toegestaan);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The dossier log's line, saved with what the call saves next (a refusal is saved at once by <see cref="Log"/>).</summary>
    private void LogZonderOpslaan(OverdrachtProces o, Caller caller, string handeling, bool toegestaan) =>
        db.DossierLog.Add(new DossierLogregel
        {
            OpUtc = Nu, OverdrachtId = o.Id, Handeling = handeling, Organisatie = caller.Organisatie.ToString(), Gebruiker = caller.Gebruiker,
            Namens = caller.Namens?.ToString(), Jeugdigen = string.Join(",", o.Maatregelen.Select(m => m.JeugdigeId).Distinct()), Toegestaan = toegestaan,
        });

    private static Guid Id(string waarde, string veld) =>
        Guid.TryParse(waarde, out var id) ? id : throw new OngeldigeInvoerException(veld, $"'{waarde}' is geen geldig id.");

    private static string Gi(string waarde, string veld) => GiCode.Vereis(waarde, veld);

    private V1.Overdracht Proto(OverdrachtProces o)
    {
        var p = new V1.Overdracht
        {
            VerzoekAanRechter = o.VraagtRechter ? o.VerzoekAanRechter : "",
            VoltooiingTeLaat = o.IsVoltooiingTeLaat(DateOnly.FromDateTime(Nu), werkdagen, opties.Value.VoltooiingWerkdagen),
            Vastgelopen = o.Vastgelopen ?? "",
            Id = o.Id.ToString(), VerzendendeGi = o.VerzendendeGi, OntvangendeGi = o.OntvangendeGi, Status = (V1.OverdrachtStatus)(int)o.Status,
            GeplandeOmzetting = o.GeplandeOmzetting.ToProto(), Zaaknummer = o.Zaaknummer ?? "",
        };
        p.MaatregelIds.AddRange(o.Maatregelen.Select(m => m.MaatregelId.ToString()));
        p.Historie.AddRange(o.Verloop.Select(s => new V1.Stap { Wat = s.Wat, Organisatie = s.Organisatie, Gebruiker = s.Gebruiker, Op = Timestamp.FromDateTime(s.OpUtc), Toelichting = s.Toelichting ?? "" }));
        p.Controles.AddRange(o.Controles.Select(c => new Regeluitkomst { Regel = c.Regel, Geslaagd = c.Geslaagd, Toelichting = c.Toelichting }));
        if (o.OmgezetOpUtc is { } om) p.OmgezetOp = Timestamp.FromDateTime(om);
        if (o.Status == OverdrachtStatus.Geaccepteerd) p.OntbreektVoorOmzetting.AddRange(o.WatOntbreektVoorOmzetting());
        return p;
    }

    private static Document Proto(DossierDocument d, bool metInhoud) => new()
    {
        Id = d.Id.ToString(), MaatregelId = d.MaatregelId.ToString(), Soort = (V1.DocumentSoort)(int)d.Soort, Datum = d.Datum.ToProto(),
        AuteurOrganisatie = d.AuteurOrganisatie, Checksum = d.Checksum, Inhoud = metInhoud ? ByteString.CopyFrom(d.Inhoud) : ByteString.Empty,
    };
}
