namespace Jbk.Overdracht.Scenarios;

/// <summary>Where a scenario stands: per measure done, in progress, refused and planned again, stuck, or not placeable.</summary>
public sealed record Voortgang(
    ScenarioStatus Status, int AantalWeken, int GestarteWeek, int Totaal, int Gepland, int InBehandeling, int Omgezet, int Voltooid,
    int NietPlaatsbaar, int Weigeringen, int Vastgelopen, IReadOnlyList<Guid> LopendeOverdrachten, IReadOnlyList<Guid> VastgelopenOverdrachten,
    int GeweigerdeMaatregelen = 0, int Beeindigd = 0, int WachtOpAanvraag = 0)
{
    /// <param name="laatsteStap">Last step of each running handover.</param>
    /// <param name="vastgelopenVoor">A running handover whose last step is older than this is stuck.</param>
    public static Voortgang Bepaal(ScenarioUitvoering u, IReadOnlyList<ScenarioPlaatsing> rijen, IReadOnlyDictionary<Guid, DateTime> laatsteStap, DateTime vastgelopenVoor)
    {
        // Running until completed: after the switch the receiving GI still owes a vaste jeugdbeschermer.
        var lopend = rijen.Where(p => p.Status is PlaatsingStatus.Aangevraagd or PlaatsingStatus.Omgezet).Select(p => p.OverdrachtId!.Value).Distinct().Order().ToList();
        var vast = lopend.Where(id => laatsteStap.TryGetValue(id, out var op) && op < vastgelopenVoor).ToList();
        var vastgelopen = vast.ToHashSet();
        return new Voortgang(u.Status, u.Definitie.AantalWeken, u.GestarteWeek, rijen.Count,
            rijen.Count(p => p.Status == PlaatsingStatus.Gepland), rijen.Count(p => p.Status == PlaatsingStatus.Aangevraagd),
            rijen.Count(p => p.Status == PlaatsingStatus.Omgezet), rijen.Count(p => p.Status == PlaatsingStatus.Voltooid),
            rijen.Count(p => p.Status == PlaatsingStatus.NietPlaatsbaar), TelWeigeringen(rijen),
            rijen.Count(p => p.OverdrachtId is { } id && vastgelopen.Contains(id)), lopend, vast, rijen.Count(p => p.Weigeringen.Count > 0),
            rijen.Count(p => p.Status == PlaatsingStatus.Beeindigd),
            rijen.Count(p => p.Status == PlaatsingStatus.Gepland && p.Naar is not null && p.Week <= u.GestarteWeek));
    }

    /// <summary>Refusals of families: a family's refusal is noted on each of its measures, and counts once.</summary>
    public static int TelWeigeringen(IEnumerable<ScenarioPlaatsing> rijen) =>
        rijen.SelectMany(p => p.Weigeringen.Select(w => (p.GezinId, w))).Distinct().Count();
}
