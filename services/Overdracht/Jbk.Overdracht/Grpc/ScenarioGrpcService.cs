using Jbk.BuildingBlocks.Audit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.Persistence;
using Jbk.Planning.WatAls;
using Jbk.Overdracht.Processen;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Domein = Jbk.Overdracht.Scenarios;

namespace Jbk.Overdracht.Grpc;

/// <summary>Bulk transfers: an operator plans and approves; the operator and the GIs involved follow progress and the report.</summary>
public sealed class ScenarioGrpcService(
    OverdrachtDbContext db, ScenarioBron bron, Rapportbronnen rapportbronnen, WatAlsBron watAlsBron, TimeProvider klok, Werkdagen werkdagen,
    IOptions<OverdrachtOpties> opties)
    : ScenarioService.ScenarioServiceBase
{
    private DateTime Nu => klok.GetUtcNow().UtcDateTime;

    [Mag(Betrokkene.Operator, "ketenregie")]
    public override async Task<PlanScenarioResponse> PlanScenario(PlanScenarioRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Id(request.ScenarioId, "scenario_id");
        var ct = context.CancellationToken;
        if (await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } bestaand)
        {
            var d = bestaand.Definitie;
            if (!string.Equals(d.VerzendendeGi, request.VerzendendeGi.Trim(), StringComparison.OrdinalIgnoreCase) || d.Start != request.Start.ToDateOnly()
                || !d.Regios.ToHashSet().SetEquals(request.Regios.Select(r => r.Trim().ToLowerInvariant()))
                || !d.Ontvangers.Select(o => o.GiCode).ToHashSet().SetEquals(request.Ontvangers.Select(o => o.GiCode.Trim().ToUpperInvariant())))
                throw SleutelHergebruikt.Voor("scenario_id", $"het scenario van {d.VerzendendeGi} vanaf {d.Start:yyyy-MM-dd}");
            return new() { DryRun = await DryRunAsync(bestaand, ct) };
        }

        var aanvraag = ScenarioInvoer.Lees(request);
        var (scenario, caseload, termijnen) = await bron.HaalAsync(aanvraag, ct);
        var planner = request.Planmethode switch
        {
            V1.Planmethode.Gretig => opties.Value.Planner with { Methode = Jbk.Planning.Planmethode.Gretig },
            V1.Planmethode.Optimaal => opties.Value.Planner with { Methode = Jbk.Planning.Planmethode.Optimaal },
            _ => opties.Value.Planner,
        };
        var (uitvoering, plaatsingen) = ScenarioUitvoering.Maak(id, scenario, request.Tempo == ScenarioTempo.Versneld, caseload, termijnen, caller.ToString(), Nu, planner);
        db.Scenarios.Add(uitvoering);
        db.ScenarioPlaatsingen.AddRange(plaatsingen);
        await db.SaveChangesAsync(ct);
        return new() { DryRun = ScenarioProto.DryRun(uitvoering, plaatsingen) };
    }

    [Mag(Betrokkene.Operator | Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende GI en de ontvangers van het scenario")]
    public override async Task<GeefDryRunResponse> GeefDryRun(GeefDryRunRequest request, ServerCallContext context)
    {
        var u = await LaadAsync(request.ScenarioId, context, tracking: false);
        return new() { DryRun = await DryRunAsync(u, context.CancellationToken) };
    }

    [Mag(Betrokkene.Operator, "ketenregie")]
    public override async Task<KeurScenarioGoedResponse> KeurScenarioGoed(KeurScenarioGoedRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var u = await LaadAsync(request.ScenarioId, context, tracking: true);
        u.KeurGoed(caller.ToString(), Nu);
        u.VerhoogVersie();
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new GelijktijdigGewijzigdException("Het scenario is tegelijk gewijzigd; vraag de voortgang op en probeer het nog eens.");
        }
        return new() { Voortgang = await VoortgangAsync(u, context.CancellationToken) };
    }

    [Mag(Betrokkene.Operator | Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende GI en de ontvangers van het scenario")]
    public override async Task<GeefScenarioVoortgangResponse> GeefScenarioVoortgang(GeefScenarioVoortgangRequest request, ServerCallContext context)
    {
        var u = await LaadAsync(request.ScenarioId, context, tracking: false);
        return new() { Voortgang = await VoortgangAsync(u, context.CancellationToken) };
    }

    [Mag(Betrokkene.Operator | Betrokkene.EigenGi | Betrokkene.OntvangendeGi, "de verzendende GI en de ontvangers van het scenario")]
    [Persoonsgegevens]
    public override async Task<GeefContinuiteitsrapportResponse> GeefContinuiteitsrapport(GeefContinuiteitsrapportRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var u = await LaadAsync(request.ScenarioId, context, tracking: false);
        var rijen = await Plaatsingen(u.Id, ct);
        var bronnen = await rapportbronnen.LeesAsync(u, rijen, ct);
        var rapport = ScenarioRapport.Maak(u, rijen, bronnen, werkdagen, opties.Value.VoltooiingWerkdagen);
        return new() { Rapport = ScenarioProto.Rapport(rapport) };
    }

    [Mag(Betrokkene.Operator | Betrokkene.ElkeGemeente, "ketenregie en gemeenten: cijfers zonder persoonsgegevens")]
    public override async Task<SimuleerWatAlsResponse> SimuleerWatAls(SimuleerWatAlsRequest request, ServerCallContext context)
    {
        var gi = GiCode.Vereis(request.VerzendendeGi, "verzendende_gi");
        var regios = request.Regios.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        if (regios.Count == 0) throw new OngeldigeInvoerException("regios", "Noem ten minste één regio.");
        if (request.InstroomWeken is < 0 or > 520) throw new OngeldigeInvoerException("instroom_weken", "instroom_weken ligt tussen 1 en 520 (0: 26).");
        WatAlsInstellingen instellingen;
        try
        {
            instellingen = string.IsNullOrWhiteSpace(request.InstellingenJson)
                ? WatAlsInstellingenLezer.Standaard() : WatAlsInstellingenLezer.Lees(request.InstellingenJson, "instellingen_json");
        }
        catch (ArgumentException e) { throw new OngeldigeInvoerException("instellingen_json", e.Message); }
        var start = request.Start.ToDateOnly() ?? DateOnly.FromDateTime(Nu);
        var (invoer, aannames) = await watAlsBron.HaalAsync(gi, regios, start, request.InstroomWeken == 0 ? 26 : request.InstroomWeken, instellingen, context.CancellationToken);
        var uitkomsten = instellingen.Scenarios.Select(s => WatAlsModel.Simuleer(invoer, s)).ToList();
        return WatAlsProto.Antwoord(invoer, [.. instellingen.Aannames, .. aannames], uitkomsten);
    }

    private async Task<V1.DryRun> DryRunAsync(ScenarioUitvoering u, CancellationToken ct) => ScenarioProto.DryRun(u, await Plaatsingen(u.Id, ct));

    private async Task<ScenarioVoortgang> VoortgangAsync(ScenarioUitvoering u, CancellationToken ct)
    {
        var rijen = await Plaatsingen(u.Id, ct);
        var lopend = rijen.Where(p => p.Status is PlaatsingStatus.Aangevraagd or PlaatsingStatus.Omgezet).Select(p => p.OverdrachtId!.Value).Distinct().ToList();
        // Only the moment of each handover's last step: without the projection every running handover was read whole,
        // with its history and checks, at every look at the progress (bench queryplannen).
        var laatste = await db.Overdrachten.AsNoTracking().Where(o => lopend.Contains(o.Id)).Select(o => new { o.Id, o.LaatsteStapUtc })
            .ToDictionaryAsync(o => o.Id, o => o.LaatsteStapUtc, ct);
        return ScenarioProto.Voortgang(u.Id, Domein.Voortgang.Bepaal(u, rijen, laatste, Nu - opties.Value.ScenarioVastgelopenNa));
    }

    private Task<List<ScenarioPlaatsing>> Plaatsingen(Guid scenarioId, CancellationToken ct) =>
        db.ScenarioPlaatsingen.AsNoTracking().Where(p => p.ScenarioId == scenarioId).ToListAsync(ct);

    /// <summary>Operators see every scenario; a GI the ones it sends from or receives in (as the RPC declares).</summary>
    private async Task<ScenarioUitvoering> LaadAsync(string scenarioId, ServerCallContext context, bool tracking)
    {
        var id = Id(scenarioId, "scenario_id");
        var query = tracking ? db.Scenarios : db.Scenarios.AsNoTracking();
        var u = await query.SingleOrDefaultAsync(s => s.Id == id, context.CancellationToken) ?? throw new NietGevondenException("scenario", scenarioId);
        Relatie.Vereis(context, Relatie.TotGi(context.GetCaller().Organisatie, u.VerzendendeGi, gi => u.Definitie.Ontvangers.Any(o => o.GiCode == gi)),
            "Alleen operators en de betrokken GI's zien dit scenario.");
        return u;
    }

    internal static Guid Id(string waarde, string veld) =>
        Guid.TryParse(waarde, out var id) ? id : throw new OngeldigeInvoerException(veld, $"'{waarde}' is geen geldig id.");
}
