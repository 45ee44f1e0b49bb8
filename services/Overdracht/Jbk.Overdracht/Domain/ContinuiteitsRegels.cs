using Jbk.Contracts;

namespace Jbk.Overdracht.Domain;

/// <summary>A deadline of a measure as the continuity check sees it (from maatregelregistratie).</summary>
public sealed record OpenTermijn(string Soort, DateOnly Uiterlijk);

/// <summary>One measure in a handover, with what the checks need to know of it.</summary>
public sealed record TeOverdragenMaatregel(
    Guid MaatregelId, MaatregelType Type, string Regio, string VerantwoordelijkeGi, Guid GezinId,
    IReadOnlyList<string> Doelgroepen, IReadOnlyList<OpenTermijn> OpenTermijnen);

/// <summary>Everything the continuity rules look at, gathered before anything is promised.</summary>
public sealed record Controlegegevens(
    string VerzendendeGi,
    GiGegevens Ontvanger,
    IReadOnlyCollection<string> RegiosVanOntvanger,
    bool OntvangerMagNieuwAannemen,
    string CertificaatReden,
    DateOnly Aanvraagdatum,
    DateOnly GeplandeOmzetting,
    IReadOnlyList<TeOverdragenMaatregel> Maatregelen,
    /// <summary>Every running measure of the families involved that the sending GI holds.</summary>
    IReadOnlyList<Guid> LopendeGezinsmaatregelenBijVerzender,
    string? RedenGezinSplitsen,
    /// <summary>Deadlines in the window with a named owner: (measure, deadline kind) → GI that takes care of it.</summary>
    IReadOnlyDictionary<(Guid, string), string> EigenaarsVanTermijnen);

public sealed record RegelUitkomst(string Regel, bool Geslaagd, string Toelichting);

/// <summary>
/// The continuity rules of a handover, checked before anything is promised. Each names itself, and says why it
/// passed or failed, so a refusal tells the sending GI exactly what to fix.
/// </summary>
public static class ContinuiteitsRegels
{
    public const string VerzenderIsVerantwoordelijk = "VerzenderIsVerantwoordelijk";
    public const string OntvangerIsAndereGi = "OntvangerIsAndereGi";
    public const string OntvangerGecertificeerd = "OntvangerGecertificeerd";
    public const string OntvangerVoertTypeUit = "OntvangerVoertTypeUit";
    public const string RegioOfDoelgroep = "RegioOfDoelgroep";
    public const string GeenTermijnZonderEigenaar = "GeenTermijnZonderEigenaar";
    public const string GezinBlijftSamen = "GezinBlijftSamen";

    /// <summary>Every rule, in the order they are checked.</summary>
    public static readonly IReadOnlyList<string> Alle =
    [
        VerzenderIsVerantwoordelijk, OntvangerIsAndereGi, OntvangerGecertificeerd, OntvangerVoertTypeUit, RegioOfDoelgroep, GeenTermijnZonderEigenaar, GezinBlijftSamen,
    ];

    public static IReadOnlyList<RegelUitkomst> Controleer(Controlegegevens g)
    {
        var ontvanger = g.Ontvanger.Code;
        var uitkomsten = new List<RegelUitkomst>();
        void Uitkomst(string regel, IEnumerable<string> fouten, string welGeslaagd)
        {
            var lijst = fouten.ToList();
            uitkomsten.Add(new RegelUitkomst(regel, lijst.Count == 0, lijst.Count == 0 ? welGeslaagd : string.Join("; ", lijst)));
        }

        Uitkomst(VerzenderIsVerantwoordelijk,
            g.Maatregelen.Where(m => m.VerantwoordelijkeGi != g.VerzendendeGi)
                .Select(m => $"{g.VerzendendeGi} is niet verantwoordelijk voor maatregel {m.MaatregelId}; dat is {m.VerantwoordelijkeGi}"),
            $"{g.VerzendendeGi} is nu verantwoordelijk voor elke maatregel");

        Uitkomst(OntvangerIsAndereGi,
            ontvanger == g.VerzendendeGi ? [$"{ontvanger} kan niet aan zichzelf overdragen"] : [],
            $"{ontvanger} is een andere GI");

        Uitkomst(OntvangerGecertificeerd,
            g.OntvangerMagNieuwAannemen ? [] : [$"op {g.GeplandeOmzetting:yyyy-MM-dd}: {g.CertificaatReden}"],
            $"{ontvanger} mag op {g.GeplandeOmzetting:yyyy-MM-dd} overdrachten aannemen ({g.CertificaatReden})");

        Uitkomst(OntvangerVoertTypeUit,
            g.Maatregelen.Select(m => m.Type).Distinct().Where(t => !g.Ontvanger.MaatregelTypes.Contains(t)).Select(t => $"{ontvanger} voert geen {t} uit"),
            $"{ontvanger} voert elk type uit");

        Uitkomst(RegioOfDoelgroep, g.Maatregelen.SelectMany(m => RegioOfDoelgroepFouten(g, m)),
            g.Ontvanger.Soort == GiSoort.Landelijk
                ? $"{ontvanger} is landelijk en de doelgroep past bij elke jeugdige"
                : $"{ontvanger} heeft een contract in elke regio");

        Uitkomst(GeenTermijnZonderEigenaar,
            g.Maatregelen.SelectMany(m => m.OpenTermijnen
                .Where(t => t.Uiterlijk >= g.Aanvraagdatum && t.Uiterlijk <= g.GeplandeOmzetting && !g.EigenaarsVanTermijnen.ContainsKey((m.MaatregelId, t.Soort)))
                .Select(t => $"termijn {t.Soort} van maatregel {m.MaatregelId} valt op {t.Uiterlijk:yyyy-MM-dd}, binnen de overdracht; wijs een eigenaar aan")),
            "geen termijn valt zonder eigenaar binnen de overdracht");

        var meegenomen = g.Maatregelen.Select(m => m.MaatregelId).ToHashSet();
        var achtergelaten = g.LopendeGezinsmaatregelenBijVerzender.Where(id => !meegenomen.Contains(id)).ToList();
        Uitkomst(GezinBlijftSamen,
            achtergelaten.Count > 0 && string.IsNullOrWhiteSpace(g.RedenGezinSplitsen)
                ? [$"{achtergelaten.Count} lopende maatregel(en) van hetzelfde gezin blijven achter bij {g.VerzendendeGi}; neem ze mee of geef een reden om te splitsen"]
                : [],
            achtergelaten.Count == 0 ? "het hele gezin gaat mee" : $"het gezin wordt gesplitst, met reden: {g.RedenGezinSplitsen}");
        return uitkomsten;
    }

    private static IEnumerable<string> RegioOfDoelgroepFouten(Controlegegevens g, TeOverdragenMaatregel m)
    {
        if (RegioOfDoelgroepFout(g.Ontvanger, g.RegiosVanOntvanger, m.MaatregelId, m.Regio, m.Doelgroepen) is { } fout) yield return fout;
    }

    /// <summary>The rule <see cref="Contracts.RegioOfDoelgroep"/> for one measure: null when the receiver may take it; else why not.</summary>
    public static string? RegioOfDoelgroepFout(GiGegevens ontvanger, IReadOnlyCollection<string> regiosVanOntvanger, Guid maatregelId, string regio,
        IReadOnlyCollection<string> doelgroepen) =>
        Contracts.RegioOfDoelgroep.Past(ontvanger.Soort, ontvanger.Doelgroepen, regiosVanOntvanger, regio, doelgroepen) ? null
        : ontvanger.Soort == GiSoort.Landelijk
            ? $"{ontvanger.Code} is landelijk voor {string.Join(", ", ontvanger.Doelgroepen)}; de jeugdige van maatregel {maatregelId} valt daar niet onder"
            : $"{ontvanger.Code} heeft geen contract in {regio}";
}
