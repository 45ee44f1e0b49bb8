using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;

namespace Jbk.Capaciteit.Domain;

/// <summary>
/// One line of a GI's monthly caseload report: the running measures of a type it carried in a region on the peildatum,
/// as the GI counts them (all of them, in the platform or not), and how many of those the platform held for the GI
/// when the report arrived. Counts only, never a child.
/// </summary>
public sealed class CaseloadRegel
{
    public required string GiCode { get; init; }
    public DateOnly Peildatum { get; init; }
    public required string Regio { get; init; }
    public MaatregelType Type { get; init; }
    public int Gerapporteerd { get; set; }
    public int InPlatform { get; set; }
    /// <summary>When this count arrived; two corrections at once find it changed (ABORTED) instead of both being recorded.</summary>
    public DateTime OntvangenOpUtc { get; set; }

    /// <summary>The GI's measures the platform does not know: they count on top of the platform's own load.</summary>
    public int BuitenPlatform => Math.Max(0, Gerapporteerd - InPlatform);
}

/// <summary>
/// What a GI's caseload report adds to its load. The platform counts only the measures it holds; a GI's report counts
/// all its measures. What the report has more than the platform held on arrival is load the platform cannot see, and
/// keeps counting until the next report; measures that move through the platform afterwards count in the platform's
/// own load. A GI that has not reported, or not lately, carries only the platform's count: said, not hidden.
/// </summary>
public static class Caseloadrapportage
{
    /// <summary>No GI carries this many measures of one type in one region; a larger count is a typing error.</summary>
    public const int MaximumPerRegel = 100_000;

    public const string NieuwsteRapportageTelt = "NieuwsteRapportageTelt";

    public static void Valideer(DateOnly peildatum, DateOnly vandaag, IReadOnlyList<(string Regio, MaatregelType Type, int Aantal)> regels)
    {
        if (peildatum > vandaag)
            throw new OngeldigeInvoerException("peildatum", $"De peildatum {peildatum:yyyy-MM-dd} ligt in de toekomst: een rapportage telt wat er was.");
        if (regels.Count == 0)
            throw new OngeldigeInvoerException("regels", "De rapportage heeft geen regels: geef per regio en type het aantal lopende maatregelen (ook 0).");
        foreach (var r in regels)
            if (r.Aantal is < 0 or > MaximumPerRegel)
                throw new OngeldigeInvoerException("regels.aantal", $"Het aantal {r.Type} in {r.Regio} ({r.Aantal}) ligt niet tussen 0 en {MaximumPerRegel}.");
        if (regels.GroupBy(r => (r.Regio, r.Type)).FirstOrDefault(g => g.Count() > 1) is { } dubbel)
            throw new OngeldigeInvoerException("regels", $"{dubbel.Key.Type} in {dubbel.Key.Regio} staat meer dan eens in de rapportage.");
    }

    /// <summary>The weighted load of the report that the platform does not hold.</summary>
    public static decimal GewogenBuitenPlatform(IEnumerable<CaseloadRegel> regels, Gewichten gewichten) =>
        regels.Sum(r => r.BuitenPlatform * gewichten.Van(r.Type));

    /// <summary>What a reader of the GI's load should know about the report behind it.</summary>
    public static IReadOnlyList<string> Meldingen(string gi, IReadOnlyList<CaseloadRegel> regels, DateOnly vandaag, int verouderdNaDagen)
    {
        if (regels.Count == 0)
            return [$"{gi} heeft geen caseload gerapporteerd: de belasting telt alleen de maatregelen in het platform."];
        var meldingen = new List<string>();
        var peildatum = regels.Max(r => r.Peildatum);
        if (vandaag.DayNumber - peildatum.DayNumber > verouderdNaDagen)
            meldingen.Add($"De caseloadrapportage van {gi} (peildatum {peildatum:yyyy-MM-dd}) is ouder dan {verouderdNaDagen} dagen.");
        meldingen.AddRange(regels.Where(r => r.InPlatform > r.Gerapporteerd).OrderBy(r => r.Regio).ThenBy(r => r.Type)
            .Select(r => $"Het platform hield {r.InPlatform} {r.Type} van {gi} in {r.Regio}, de rapportage telt er {r.Gerapporteerd}."));
        return meldingen;
    }

    /// <summary>The newest report of each GI: the one that counts.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CaseloadRegel>> Nieuwste(IEnumerable<CaseloadRegel> regels) =>
        regels.GroupBy(r => r.GiCode).ToDictionary(g => g.Key, g =>
        {
            var peildatum = g.Max(r => r.Peildatum);
            return (IReadOnlyList<CaseloadRegel>)g.Where(r => r.Peildatum == peildatum).ToList();
        });
}
