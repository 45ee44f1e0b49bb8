using Jbk.Planning;
using System.Text.Json;
using Jbk.BuildingBlocks.Errors;

namespace Jbk.Overdracht.Scenarios;

public enum ScenarioStatus { Gepland = 1, Lopend = 2, Afgerond = 3 }

/// <summary>
/// A planned bulk transfer and its execution. The plan itself lives in its <see cref="ScenarioPlaatsing"/> rows; this
/// holds the definition, the approval and how far the weeks have started. Week n starts on its calendar date, or, in
/// the accelerated tempo, as soon as every handover of the earlier weeks has switched.
/// </summary>
public sealed class ScenarioUitvoering
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Scenario? _definitie;

    private ScenarioUitvoering() { }

    public Guid Id { get; private set; }
    public string VerzendendeGi { get; private set; } = "";
    public string DefinitieJson { get; private set; } = "";
    public bool Versneld { get; private set; }
    public ScenarioStatus Status { get; private set; }
    /// <summary>The weeks up to and including this one have started; -1 before approval.</summary>
    public int GestarteWeek { get; private set; } = -1;
    public DateTime AangemaaktOpUtc { get; private set; }
    public string AangemaaktDoor { get; private set; } = "";
    public DateTime? GoedgekeurdOpUtc { get; private set; }
    public string? GoedgekeurdDoor { get; private set; }
    public DateTime? AfgerondOpUtc { get; private set; }
    public int Versie { get; private set; }
    /// <summary>The planner whose first plan stands, the plan's score then, the solver's bound and why.</summary>
    public Planmethode Planmethode { get; private set; }
    public long PlanScore { get; private set; }
    public long? PlanGrens { get; private set; }
    public string PlanToelichting { get; private set; } = "";

    public Scenario Definitie => _definitie ??= JsonSerializer.Deserialize<Scenario>(DefinitieJson, Json)!;

    public static (ScenarioUitvoering, List<ScenarioPlaatsing>) Maak(
        Guid id, Scenario scenario, bool versneld, IReadOnlyList<TePlaatsen> caseload, IReadOnlyDictionary<Guid, IReadOnlyList<string>> termijnen,
        string door, DateTime nuUtc, PlannerOpties planner)
    {
        var uitkomst = OptimalePlanner.Maak(scenario, caseload, planner);
        var plan = uitkomst.Plan;
        var uitvoering = new ScenarioUitvoering
        {
            Id = id, VerzendendeGi = scenario.VerzendendeGi, DefinitieJson = JsonSerializer.Serialize(scenario, Json), Versneld = versneld,
            Status = ScenarioStatus.Gepland, AangemaaktOpUtc = nuUtc, AangemaaktDoor = door,
            Planmethode = uitkomst.Methode, PlanScore = uitkomst.Doelwaarde.Totaal, PlanGrens = uitkomst.Grens, PlanToelichting = uitkomst.Toelichting,
        };
        var toewijzingen = plan.Toewijzingen.ToDictionary(t => t.MaatregelId);
        var redenen = plan.NietPlaatsbaar.ToDictionary(n => n.MaatregelId, n => n.Reden);
        var plaatsingen = caseload.Select(m =>
        {
            var p = ScenarioPlaatsing.Nieuw(id, m, scenario.VerzendendeGi, termijnen.GetValueOrDefault(m.MaatregelId) ?? []);
            if (toewijzingen.TryGetValue(m.MaatregelId, out var t)) p.Plaats(t);
            else p.MarkeerNietPlaatsbaar(redenen.GetValueOrDefault(m.MaatregelId) ?? "niet geplaatst");
            return p;
        }).ToList();
        return (uitvoering, plaatsingen);
    }

    public void KeurGoed(string door, DateTime nuUtc)
    {
        if (Status != ScenarioStatus.Gepland) return; // approving again changes nothing
        Status = ScenarioStatus.Lopend;
        GoedgekeurdOpUtc = nuUtc;
        GoedgekeurdDoor = door;
    }

    public DateOnly WeekVan(int week) => Definitie.Start.AddDays(7 * week);

    /// <summary>Starts every week that may start now; true when one did.</summary>
    public bool StartWeken(IReadOnlyList<ScenarioPlaatsing> plaatsingen, DateOnly vandaag)
    {
        if (Status != ScenarioStatus.Lopend) return false;
        var gestart = false;
        while (GestarteWeek + 1 < Definitie.AantalWeken)
        {
            var volgende = GestarteWeek + 1;
            var eerdereOmgezet = plaatsingen.Where(p => p.Week < volgende && p.Status is not (PlaatsingStatus.NietPlaatsbaar or PlaatsingStatus.Beeindigd))
                .All(p => p.IsOmgezet);
            if (!(vandaag >= WeekVan(volgende) || (Versneld && eerdereOmgezet))) break;
            GestarteWeek = volgende;
            gestart = true;
        }
        return gestart;
    }

    /// <summary>Done when every measure switched and has a vaste jeugdbeschermer, could not be placed, or ended before its switch.</summary>
    public bool RondAf(IReadOnlyList<ScenarioPlaatsing> plaatsingen, DateTime nuUtc)
    {
        if (Status != ScenarioStatus.Lopend || !plaatsingen.All(p => p.IsKlaar)) return false;
        Status = ScenarioStatus.Afgerond;
        AfgerondOpUtc = nuUtc;
        return true;
    }

    /// <summary>
    /// Plans a refused family again: from the current week, around what the other families already hold, without the
    /// receivers that refused it. A family no receiver can take any more is listed as not placeable, with the reason.
    /// One family at a time, by the greedy planner: the rest of the plan is fixed, so there is little left to optimise.
    /// </summary>
    public void Herplan(IReadOnlyList<ScenarioPlaatsing> plaatsingen, Guid gezinId)
    {
        var gezin = plaatsingen.Where(p => p.GezinId == gezinId && p.Status == PlaatsingStatus.Gepland && p.Naar is null).ToList();
        if (gezin.Count == 0) return;
        var anderen = plaatsingen.Where(p => p.GezinId != gezinId).Select(p => p.AlsToewijzing()).OfType<Toewijzing>();
        var uitgesloten = gezin.SelectMany(p => p.GeweigerdDoor).ToHashSet();
        var plan = GretigePlanner.Maak(Definitie, gezin.Select(p => p.AlsTePlaatsen()).ToList(),
            Voorbezetting.Van(Definitie, anderen, Math.Max(0, GestarteWeek), uitgesloten));
        var toewijzingen = plan.Toewijzingen.ToDictionary(t => t.MaatregelId);
        foreach (var p in gezin)
        {
            if (toewijzingen.TryGetValue(p.MaatregelId, out var t)) p.Plaats(t);
            else p.MarkeerNietPlaatsbaar(plan.NietPlaatsbaar.FirstOrDefault(n => n.MaatregelId == p.MaatregelId)?.Reden ?? "niet opnieuw te plaatsen");
        }
    }

    public void VereisGoedgekeurd()
    {
        if (Status == ScenarioStatus.Gepland)
            throw new RegelGeschondenException("ScenarioGoedgekeurd", "Het scenario is nog niet goedgekeurd; er loopt nog niets.");
    }

    internal void VerhoogVersie() => Versie++;
}
