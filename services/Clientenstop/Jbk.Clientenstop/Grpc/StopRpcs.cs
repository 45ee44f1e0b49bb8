using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Persistence;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.Domain;
using Jbk.Clientenstop.Processen;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Jbk.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StopProto = Jbk.Clientenstop.V1.Stop;
using StopStatus = Jbk.Clientenstop.Domain.StopStatus;

namespace Jbk.Clientenstop.Grpc;

/// <summary>The steps of a cliëntenstop by the organisations involved; activation and lifting at the dates run in <see cref="StopBewaking"/>.</summary>
public sealed partial class ClientenstopGrpcService
{
    [Mag(Betrokkene.EigenGi, "de GI die de instroom niet meer aankan, voor zichzelf")]
    public override async Task<StelStopVoorResponse> StelStopVoor(StelStopVoorRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Id(request.StopId);
        if (await db.Stops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, context.CancellationToken) is { } bestaand)
        {
            Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, bestaand.GiCode),
                "Dit stop_id hoort bij een voorstel van een andere organisatie; kies een nieuw id.");
            if (!bestaand.Regios.ToHashSet().SetEquals(request.Regios.Select(r => r.Trim().ToLowerInvariant()))
                || bestaand.Van != request.Van.ToDateOnly() || (bestaand.Tot != request.Tot.ToDateOnly() && bestaand.VoorgesteldeVerlenging is null)
                || !bestaand.Types.ToHashSet().SetEquals(request.MaatregelTypes.Select(t => MaatregelTypeMapping.FromProto(t) ?? default)))
                throw SleutelHergebruikt.Voor("stop_id", $"een stop in {string.Join(", ", bestaand.Regios)} van {bestaand.Van:yyyy-MM-dd}");
            return new() { Stop = Proto(bestaand) };
        }
        var types = request.MaatregelTypes.Select(t => MaatregelTypeMapping.FromProto(t) ?? throw new OngeldigeInvoerException("types", "Onbekend type maatregel.")).ToList();
        var stop = Domain.Stop.StelVoor(id, caller, request.Regios.Select(r => r.Trim().ToLowerInvariant()).ToList(), types,
            !request.SpoedOokStoppen, !request.JrOokStoppen,
            request.Van.ToDateOnly() ?? throw new OngeldigeInvoerException("van", "De startdatum ontbreekt of is geen bestaande datum."),
            request.Tot.ToDateOnly() ?? throw new OngeldigeInvoerException("tot", "De einddatum ontbreekt of is geen bestaande datum."),
            request.Reden, Nu);
        db.Stops.Add(stop);
        db.Publish(Stap(stop));
        db.Informeer(stop, "is voorgesteld", Nu);
        await db.SaveChangesAsync(context.CancellationToken);
        return new() { Stop = Proto(stop) };
    }

    [Mag(Betrokkene.GemeenteVanDeRegio | Betrokkene.Rvdk, "een gemeente van een regio van de stop")]
    public override Task<KeurStopGoedResponse> KeurStopGoed(KeurStopGoedRequest request, ServerCallContext context) =>
        Wijzig(request.StopId, context, (s, c) => s.KeurGoed(c, Regio(request.Regio), Nu), "is goedgekeurd door een goedkeurder",
            s => new KeurStopGoedResponse { Stop = Proto(s) });

    [Mag(Betrokkene.GemeenteVanDeRegio | Betrokkene.Rvdk, "een gemeente van een regio van de stop")]
    public override Task<WijsStopAfResponse> WijsStopAf(WijsStopAfRequest request, ServerCallContext context) =>
        Wijzig(request.StopId, context, (s, c) => { s.WijsAf(c, Regio(request.Regio), request.Reden, Nu); return true; }, "is afgewezen",
            s => new WijsStopAfResponse { Stop = Proto(s) });

    [Mag(Betrokkene.AndereGi, "collega-GI's, niet de GI van de stop")]
    public override Task<MaakBezwaarResponse> MaakBezwaar(MaakBezwaarRequest request, ServerCallContext context) =>
        Wijzig(request.StopId, context, (s, c) => s.MaakBezwaar(c, request.Reden, Nu), "kreeg een bezwaar",
            s => new MaakBezwaarResponse { Stop = Proto(s) });

    [Mag(Betrokkene.EigenGi, "de GI van de stop")]
    public override Task<HefStopOpResponse> HefStopOp(HefStopOpRequest request, ServerCallContext context) =>
        Wijzig(request.StopId, context, (s, c) =>
        {
            if (!s.HefOp(c, Vandaag, opEinddatum: false, Nu)) return false;
            db.Publish(new ClientenstopGewijzigd(s.Id, s.GiCode, s.Status.ToString(), s.Tot));
            return true;
        }, "is eerder opgeheven door de GI", s => new HefStopOpResponse { Stop = Proto(s) });

    [Mag(Betrokkene.EigenGi, "de GI van de stop")]
    public override Task<StelVerlengingVoorResponse> StelVerlengingVoor(StelVerlengingVoorRequest request, ServerCallContext context) =>
        Wijzig(request.StopId, context, (s, c) =>
            {
                s.StelVerlengingVoor(c, request.Tot.ToDateOnly() ?? throw new OngeldigeInvoerException("tot", "De nieuwe einddatum ontbreekt."), Nu);
                return true;
            },
            "krijgt een verlengingsvoorstel", s => new StelVerlengingVoorResponse { Stop = Proto(s) });

    [Mag(Betrokkene.Ketenpartners, "een stop noemt GI's en regio's, geen kinderen")]
    public override async Task<GeefStopResponse> GeefStop(GeefStopRequest request, ServerCallContext context)
    {
        var id = Id(request.StopId); // outside the query: EF would wrap a refusal inside it into an unknown error
        var stop = await db.Stops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, context.CancellationToken)
            ?? throw new NietGevondenException("cliëntenstop", request.StopId);
        var weken = Enumerable.Range(1, opties.Value.InstroomWeken)
            .Select(i => Instroom.IsoWeek(Vandaag.AddDays(-7 * i))).ToList();
        var instroom = await db.Instroom.AsNoTracking().Where(i => i.GiCode == stop.GiCode && weken.Contains(i.Week)).ToListAsync(context.CancellationToken);
        var opvang = new List<Opvang>();
        foreach (var type in stop.Types)
        {
            var vrij = new Dictionary<string, decimal>();
            foreach (var regio in stop.Regios)
            {
                var antwoord = await capaciteit.VraagBeschikbaarheidAsync(new VraagBeschikbaarheidRequest { Regio = regio, Type = type.ToProto() },
                    cancellationToken: context.CancellationToken);
                foreach (var k in antwoord.Kandidaten.Where(k => k.GiCode != stop.GiCode)) vrij[k.GiCode] = (decimal)k.Vrij;
            }
            opvang.Add(new Opvang(type, vrij));
        }
        var impact = Impact.Bereken(stop, instroom, weken, opvang);
        var proto = new V1.Impactanalyse
        {
            InstroomPerWeek = (double)impact.InstroomPerWeek, VrijBijAnderen = (double)impact.VrijBijAnderen,
            WekenOpvangbaar = (double)(impact.WekenOpvangbaar ?? 0), Onbeperkt = impact.WekenOpvangbaar is null,
            TypesZonderAfnemer = { impact.TypesZonderAfnemer.Select(t => t.ToProto()) },
        };
        proto.PerType.AddRange(impact.PerType.Select(p => new V1.ImpactPerType { Type = p.Type.ToProto(), InstroomPerWeek = (double)p.InstroomPerWeek, AantalAfnemers = p.AantalAfnemers }));
        return new() { Stop = Proto(stop), Impact = proto };
    }

    /// <summary>
    /// One step of a stop; a step that changes nothing (a repeat) stores, publishes and notifies nothing. Taken again on
    /// what is there now when another party's step was stored meanwhile (<see cref="StapOpVersie"/>).
    /// </summary>
    private Task<T> Wijzig<T>(string stopId, ServerCallContext context, Func<Domain.Stop, Caller, bool> stap, string gebeurtenis, Func<Domain.Stop, T> antwoord) =>
        StapOpVersie.OpnieuwBijGelijktijdigeWijziging(db, async () =>
        {
            var id = Id(stopId);
            var stop = await db.Stops.SingleOrDefaultAsync(s => s.Id == id, context.CancellationToken)
                ?? throw new NietGevondenException("cliëntenstop", stopId);
            // Before the step (and before the answer of a repeat): what the caller is to this stop, against the RPC's policy.
            Relatie.Vereis(context, Relatie.Tot(context.GetCaller().Organisatie, stop.GiCode, stop.Regios));
            if (!stap(stop, context.GetCaller())) return antwoord(stop);
            stop.VerhoogVersie();
            db.Publish(Stap(stop));
            db.Informeer(stop, gebeurtenis, Nu);
            await db.SaveChangesAsync(context.CancellationToken);
            return antwoord(stop);
        }, "De stop is tegelijk gewijzigd; lees haar opnieuw en probeer het nog eens.");

    private DateTime Nu => klok.GetUtcNow().UtcDateTime;
    private DateOnly Vandaag => DateOnly.FromDateTime(Nu);

    private static ClientenstopStapGezet Stap(Domain.Stop s) => new(s.Id, s.GiCode, s.Status.ToString(), s.Historie.Count > 0 ? s.Historie[^1].Wat : "");

    private static Guid Id(string waarde) =>
        Guid.TryParse(waarde, out var id) ? id : throw new OngeldigeInvoerException("stop_id", $"'{waarde}' is geen geldig id.");

    private static string? Regio(string regio) => string.IsNullOrWhiteSpace(regio) ? null : regio.Trim().ToLowerInvariant();

    private static StopProto Proto(Domain.Stop s)
    {
        var p = new StopProto
        {
            Id = s.Id.ToString(), GiCode = s.GiCode, Regios = { s.Regios }, MaatregelTypes = { s.Types.Select(t => t.ToProto()) },
            SpoedUitgezonderd = s.SpoedUitgezonderd, JrUitgezonderd = s.JrUitgezonderd, Van = s.Van.ToProto(), Tot = s.Tot.ToProto(),
            Reden = s.Reden, Status = (V1.StopStatus)(int)s.Status,
            OntbrekendeGoedkeuringen = { s.Status == StopStatus.Voorgesteld || s.VoorgesteldeVerlenging is not null ? s.OntbrekendeGoedkeuringen() : [] },
        };
        p.Historie.AddRange(s.Verloop.Select(h => new V1.Stapregel { Wat = h.Wat, Organisatie = h.Organisatie, Gebruiker = h.Gebruiker, Op = Timestamp.FromDateTime(h.OpUtc), Toelichting = h.Toelichting ?? "" }));
        p.Oordelen.AddRange(s.Oordelen.Select(o => new V1.Oordeel { Organisatie = o.Organisatie, Regio = o.Regio ?? "", Soort = o.Soort, Reden = o.Reden ?? "" }));
        return p;
    }
}
