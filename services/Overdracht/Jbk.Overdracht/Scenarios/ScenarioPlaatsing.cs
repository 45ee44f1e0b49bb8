using Jbk.BuildingBlocks.Persistence;
using Jbk.Contracts;
using Jbk.Planning;

namespace Jbk.Overdracht.Scenarios;

/// <summary>Beeindigd: the measure ended (by a decision or by law) before it switched: nothing is left to hand over.</summary>
public enum PlaatsingStatus { Gepland = 1, Aangevraagd = 2, Omgezet = 3, Voltooid = 4, NietPlaatsbaar = 5, Beeindigd = 6 }

/// <summary>
/// One measure of a scenario: what the planner saw of it, where and when it goes, and how its handover went.
/// A refused family is planned again (attempt + 1), with the refusing receiver excluded.
/// </summary>
public sealed class ScenarioPlaatsing
{
    private ScenarioPlaatsing() { }

    public Guid ScenarioId { get; private set; }
    public Guid MaatregelId { get; private set; }
    public Guid GezinId { get; private set; }
    public MaatregelType Type { get; private set; }
    public string VanGi { get; private set; } = "";
    public string Regio { get; private set; } = "";
    public List<string> Doelgroepen { get; private set; } = [];
    public string? JeugdbeschermerId { get; private set; }
    public DateOnly? EersteTermijn { get; private set; }
    /// <summary>Open deadlines as "Soort|yyyy-MM-dd": the sending GI owns those that fall before the switch.</summary>
    public List<string> Termijnen { get; private set; } = [];
    public string? Naar { get; private set; }
    public int Week { get; private set; }
    public bool VolgtJeugdbeschermer { get; private set; }
    public bool TermijnGemarkeerd { get; private set; }
    public PlaatsingStatus Status { get; private set; }
    public int Poging { get; private set; }
    public Guid? OverdrachtId { get; private set; }
    public List<string> Weigeringen { get; private set; } = [];
    public string? NietPlaatsbaarReden { get; private set; }
    public DateTime? OmgezetOpUtc { get; private set; }
    public DateTime? VastOpUtc { get; private set; }

    public bool IsOmgezet => Status is PlaatsingStatus.Omgezet or PlaatsingStatus.Voltooid;

    /// <summary>Nothing more to do for it: completed, not placeable, or ended before its switch.</summary>
    public bool IsKlaar => Status is PlaatsingStatus.Voltooid or PlaatsingStatus.NietPlaatsbaar or PlaatsingStatus.Beeindigd;

    /// <summary>The measure ended before it switched; its family's other measures go on without it (a switched one stays switched).</summary>
    public void MarkeerBeeindigd()
    {
        if (IsOmgezet || Status == PlaatsingStatus.Beeindigd) return;
        Status = PlaatsingStatus.Beeindigd;
        Naar = null;
    }

    public static ScenarioPlaatsing Nieuw(Guid scenarioId, TePlaatsen m, string vanGi, IReadOnlyList<string> termijnen) => new()
    {
        ScenarioId = scenarioId, MaatregelId = m.MaatregelId, GezinId = m.GezinId, Type = m.Type, VanGi = vanGi, Regio = m.Regio,
        Doelgroepen = [.. m.Doelgroepen], JeugdbeschermerId = m.JeugdbeschermerId, EersteTermijn = m.EersteTermijn, Termijnen = [.. termijnen],
    };

    public TePlaatsen AlsTePlaatsen() => new(MaatregelId, GezinId, Type, Regio, Doelgroepen, JeugdbeschermerId, EersteTermijn);

    public Toewijzing? AlsToewijzing() => Naar is null || Status == PlaatsingStatus.NietPlaatsbaar
        ? null : new Toewijzing(MaatregelId, GezinId, Type, Naar, Week, VolgtJeugdbeschermer, TermijnGemarkeerd);

    public void Plaats(Toewijzing t)
    {
        Naar = t.Naar;
        Week = t.Week;
        VolgtJeugdbeschermer = t.VolgtJeugdbeschermer;
        TermijnGemarkeerd = t.TermijnGemarkeerd;
        Status = PlaatsingStatus.Gepland;
        NietPlaatsbaarReden = null;
    }

    public void MarkeerNietPlaatsbaar(string reden)
    {
        Naar = null;
        Status = PlaatsingStatus.NietPlaatsbaar;
        NietPlaatsbaarReden = reden;
    }

    /// <summary>The handover of this attempt has the same id however often it is asked for: a crash cannot make two.</summary>
    public Guid VolgendeOverdrachtId => OverdrachtIdVan(ScenarioId, GezinId, Poging);

    /// <summary>The handover id of a family's attempt in a scenario.</summary>
    public static Guid OverdrachtIdVan(Guid scenarioId, Guid gezinId, int poging) => AfgeleidId.Van($"scenario:{scenarioId}:gezin:{gezinId}:poging:{poging}");

    /// <summary>Every attempt's handover of the scenario's families, refused ones included: their ids follow from the scenario, the family and the attempt.</summary>
    public static IReadOnlyList<Guid> OverdrachtenVan(Guid scenarioId, IReadOnlyList<(Guid GezinId, int Poging, Guid? OverdrachtId)> rijen) =>
        rijen.DistinctBy(p => p.GezinId)
            .SelectMany(p => Enumerable.Range(0, p.Poging + 1).Select(poging => OverdrachtIdVan(scenarioId, p.GezinId, poging)))
            .Concat(rijen.Where(p => p.OverdrachtId is not null).Select(p => p.OverdrachtId!.Value)).Distinct().ToList();

    public void Aangevraagd(Guid overdrachtId)
    {
        OverdrachtId = overdrachtId;
        Status = PlaatsingStatus.Aangevraagd;
    }

    public void Omgezet(DateTime opUtc)
    {
        OmgezetOpUtc = opUtc;
        if (Status == PlaatsingStatus.Aangevraagd) Status = PlaatsingStatus.Omgezet;
    }

    public void Voltooid(DateTime omgezetOpUtc, DateTime vastOpUtc)
    {
        OmgezetOpUtc = omgezetOpUtc;
        VastOpUtc = vastOpUtc;
        Status = PlaatsingStatus.Voltooid;
    }

    /// <summary>The receiver refused (or the checks did): this attempt ends, the family is planned again.</summary>
    public void Geweigerd(string weigering)
    {
        Weigeringen.Add(weigering);
        Poging++;
        OverdrachtId = null;
        Naar = null;
        Status = PlaatsingStatus.Gepland;
    }

    /// <summary>The GIs cancelled this attempt (not a refusal by the receiver): the family is planned again, anywhere.</summary>
    public void Geannuleerd()
    {
        Poging++;
        OverdrachtId = null;
        Naar = null;
        Status = PlaatsingStatus.Gepland;
    }

    public IReadOnlySet<string> GeweigerdDoor => Weigeringen.Select(w => w.Split(':', 2)[0]).ToHashSet();
}
