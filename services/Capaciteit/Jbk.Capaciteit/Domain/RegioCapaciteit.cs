using Jbk.Contracts;

namespace Jbk.Capaciteit.Domain;

/// <summary>
/// The free places a region has for a new case of its own: the free weighted capacity of the regional GIs with a
/// contract there that may take new measures (certificate) and have no cliëntenstop for that region. A GI's
/// capacity is one pool for all its regions, so it counts in each of them; negative free capacity counts as none.
/// National GIs are left out: they take a case by doelgroep, not by region.
/// </summary>
public static class RegioCapaciteit
{
    public static IReadOnlyList<string> AlleRegios { get; } = GiRegister.Alle.SelectMany(g => g.Regios).Distinct().Order().ToList();

    public static decimal Vrij(string regio, IEnumerable<GiStand> standen) =>
        standen.Where(s => s.Gi.Soort == GiSoort.Regionaal && s.GecontracteerdeRegios.Contains(regio) && s.Certificaat.Toegestaan
                && !s.Stops.Any(stop => stop.Regios.Contains(regio)))
            .Sum(s => Math.Max(0, s.Vrij));
}
