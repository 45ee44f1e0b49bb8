namespace Jbk.Overdracht.Scenarios;

/// <summary>Where a scenario stands: per measure done, in progress, refused and planned again, stuck, or not placeable.</summary>
public sealed record Voortgang(
    ScenarioStatus Status, int AantalWeken, int GestarteWeek, int Totaal, int Gepland, int InBehandeling, int Omgezet, int Voltooid,
    int NietPlaatsbaar, int Weigeringen, int Vastgelopen, IReadOnlyList<Guid> LopendeOverdrachten, IReadOnlyList<Guid> VastgelopenOverdrachten)
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
            rijen.Count(p => p.Status == PlaatsingStatus.NietPlaatsbaar), rijen.Sum(p => p.Weigeringen.Count),
            rijen.Count(p => p.OverdrachtId is { } id && vastgelopen.Contains(id)), lopend, vast);
    }
}
