using Grpc.Core;
using Jbk.BuildingBlocks.Telemetry;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Overdracht.Persistence;

/// <summary>
/// Overdracht's figures for operators, from its database: handovers per status, stuck ones (per gRPC code of the
/// refusal, and the longest), lead times of completed handovers, and each scenario's measures per status and its
/// arrears on the line to its deadline (also after it finished). Ids of scenarios and codes only, no personal data.
/// </summary>
public sealed class OverdrachtStand(TimeProvider klok) : IStandbron
{
    /// <summary>Upper bounds (days) of the lead-time buckets of completed handovers, cumulative.</summary>
    public static readonly int[] DoorlooptijdGrenzen = [1, 7, 14, 28, 56, 91];

    public string Dienst => "overdracht";

    public IReadOnlyList<Standmaat> Maten { get; } =
    [
        new("jbk.overdrachten", "Overdrachten per status", "status"),
        new("jbk.overdrachten.vastgelopen", "Overdrachten waarvan de volgende stap van het platform blijvend geweigerd wordt, per gRPC-status", "reden"),
        new("jbk.overdrachten.vastgelopen.langst.seconden", "Seconden dat de langst vastgelopen overdracht vastzit (0 als er geen vastzit)"),
        new("jbk.overdrachten.doorlooptijd.dagen", "Voltooide overdrachten met een doorlooptijd (aanvraag tot voltooiing) van ten hoogste le dagen (cumulatief)", "le"),
        new("jbk.scenario.maatregelen", "Maatregelen van een scenario per status", "scenario", "verzendende_gi", "status"),
        new("jbk.scenario.achterstand", "Maatregelen die een lopend scenario achterloopt op een rechte lijn van start naar deadline", "scenario", "verzendende_gi"),
    ];

    public async Task<IReadOnlyList<Standwaarde>> MeetAsync(IServiceProvider diensten, CancellationToken ct)
    {
        var nu = klok.GetUtcNow().UtcDateTime;
        var db = diensten.GetRequiredService<OverdrachtDbContext>();
        var waarden = new List<Standwaarde>();

        var perStatus = await db.Overdrachten.AsNoTracking().GroupBy(o => o.Status).Select(g => new { g.Key, Aantal = g.Count() }).ToListAsync(ct);
        waarden.AddRange(Enum.GetValues<OverdrachtStatus>().Select(s => Standwaarde.Van("jbk.overdrachten",
            perStatus.FirstOrDefault(p => p.Key == s)?.Aantal ?? 0, ("status", s.ToString().ToLowerInvariant()))));

        var vast = await db.Overdrachten.AsNoTracking().Where(o => o.Vastgelopen != null)
            .Select(o => new { o.Vastgelopen, o.LaatsteStapUtc }).ToListAsync(ct);
        var redenen = vast.GroupBy(v => Reden(v.Vastgelopen!)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var reden in BlijvendeCodes.Concat(redenen.Keys).Distinct())
            waarden.Add(Standwaarde.Van("jbk.overdrachten.vastgelopen", redenen.GetValueOrDefault(reden), ("reden", reden)));
        waarden.Add(Standwaarde.Van("jbk.overdrachten.vastgelopen.langst.seconden",
            vast.Count == 0 ? 0 : Math.Max(0, vast.Max(v => (nu - v.LaatsteStapUtc).TotalSeconds))));

        // Only the two instants of each completed handover, not the handovers with all they own.
        var doorlooptijden = (await db.Overdrachten.AsNoTracking().Where(o => o.Status == OverdrachtStatus.Voltooid)
                .Select(o => new { o.LaatsteStapUtc, Begin = o.Historie.Min(h => h.OpUtc) }).ToListAsync(ct))
            .Select(o => (o.LaatsteStapUtc - o.Begin).TotalDays).ToList();
        foreach (var grens in DoorlooptijdGrenzen)
            waarden.Add(Standwaarde.Van("jbk.overdrachten.doorlooptijd.dagen", doorlooptijden.Count(d => d <= grens), ("le", grens.ToString())));
        waarden.Add(Standwaarde.Van("jbk.overdrachten.doorlooptijd.dagen", doorlooptijden.Count, ("le", "+Inf")));

        var vandaag = DateOnly.FromDateTime(nu);
        var plaatsingen = await db.ScenarioPlaatsingen.AsNoTracking().GroupBy(p => new { p.ScenarioId, p.Status })
            .Select(g => new { g.Key.ScenarioId, g.Key.Status, Aantal = g.Count() }).ToListAsync(ct);
        foreach (var u in await db.Scenarios.AsNoTracking().ToListAsync(ct))
        {
            (string, string)[] scenario = [("scenario", u.Id.ToString()), ("verzendende_gi", u.VerzendendeGi)];
            int Aantal(PlaatsingStatus s) => plaatsingen.FirstOrDefault(p => p.ScenarioId == u.Id && p.Status == s)?.Aantal ?? 0;
            foreach (var s in Enum.GetValues<PlaatsingStatus>())
                waarden.Add(Standwaarde.Van("jbk.scenario.maatregelen", Aantal(s), [.. scenario, ("status", s.ToString().ToLowerInvariant())]));
            var plaatsbaar = Enum.GetValues<PlaatsingStatus>().Where(s => s is not (PlaatsingStatus.NietPlaatsbaar or PlaatsingStatus.Beeindigd)).Sum(Aantal);
            var omgezet = Aantal(PlaatsingStatus.Omgezet) + Aantal(PlaatsingStatus.Voltooid);
            var achterstand = u.Status == ScenarioStatus.Lopend
                ? Traject.Achterstand(plaatsbaar, omgezet, u.Definitie.Start, u.Definitie.Deadline, vandaag) : 0;
            waarden.Add(Standwaarde.Van("jbk.scenario.achterstand", achterstand, scenario));
        }
        return waarden;
    }

    /// <summary>The refusals that stop a handover for good (<see cref="Processen.OverdrachtVoortzetter.IsBlijvend"/>), as labels from zero.</summary>
    private static readonly IReadOnlyList<string> BlijvendeCodes = Enum.GetValues<StatusCode>()
        .Where(Processen.OverdrachtVoortzetter.IsBlijvend).Select(GrpcMeting.Code).ToList();

    /// <summary>A stuck reason starts with the gRPC status of the refusal ("PermissionDenied: ..."); the text stays out.</summary>
    internal static string Reden(string vastgelopen) =>
        Enum.TryParse<StatusCode>(vastgelopen.Split(':')[0].Trim(), out var code) ? GrpcMeting.Code(code) : "OVERIG";
}
