using Jbk.Contracts;

namespace Jbk.Planning;

/// <summary>
/// Whether a receiver may take a family at all, whatever else it already holds: not refused by it, certified, carrying
/// every type, a contract in the region or national for the doelgroep, and a weekly limit the family fits in. Both
/// planners and the plan's rule check ask this one place.
/// </summary>
public static class Geschiktheid
{
    /// <returns>Null when the receiver may take the family; otherwise why not, in the words the plan reports.</returns>
    public static string? Bezwaar(Ontvanger o, IReadOnlyList<TePlaatsen> gezin, IReadOnlySet<string>? uitgesloten = null)
    {
        if (uitgesloten?.Contains(o.GiCode) == true) return $"{o.GiCode}: heeft dit gezin geweigerd";
        if (!o.Gecertificeerd) return $"{o.GiCode}: niet gecertificeerd";
        var ontbrekend = gezin.Select(m => m.Type).Distinct().Where(t => !o.Types.Contains(t)).ToList();
        if (ontbrekend.Count > 0) return $"{o.GiCode}: voert {string.Join(", ", ontbrekend)} niet uit";
        var doelgroepen = gezin.SelectMany(m => m.Doelgroepen).Distinct().ToList();
        if (gezin.Any(m => !RegioOfDoelgroep.Past(o.Soort, o.Doelgroepen, o.Regios, m.Regio, doelgroepen)))
            return o.Soort == GiSoort.Landelijk ? $"{o.GiCode}: doelgroep past niet" : $"{o.GiCode}: geen contract in de regio";
        if (gezin.Count > o.WekelijkseLimiet) return $"{o.GiCode}: gezin van {gezin.Count} is groter dan de weeklimiet van {o.WekelijkseLimiet}";
        return null;
    }

    public static string Vol(Ontvanger o, int bezet, int grootte) => $"{o.GiCode}: vol (nog {o.Ruimte - bezet} plaats(en), gezin van {grootte})";

    public static string GeenWeek(Ontvanger o) => $"{o.GiCode}: geen week meer binnen de deadline (weeklimiet of rechtbank)";

    public const string GeenOntvangers = "geen ontvangers in het scenario";
}
