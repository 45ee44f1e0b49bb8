namespace Jbk.Contracts;

public enum GiSoort { Regionaal = 1, Landelijk = 2 }

/// <summary>A GI as shipped in the reference data.</summary>
public sealed record GiGegevens(string Code, string Naam, GiSoort Soort, IReadOnlyList<string> Regios, IReadOnlyList<string> Doelgroepen)
{
    /// <summary>The kinds of measure this GI carries out; every kind unless the GI is limited (Nidos: guardianship of AMV).</summary>
    public IReadOnlyList<MaatregelType> MaatregelTypes { get; init; } = Enum.GetValues<MaatregelType>();
}

/// <summary>
/// The 13 GIs and Nidos as the domain documents name them (../shared/docs/domain.md, "Who is who"): shipped
/// reference data every service may know. Capaciteit owns what changes (contracts, certificates, staffing).
/// Region codes are provinces or jeugdregio's in lower case.
/// </summary>
public static class GiRegister
{
    public static IReadOnlyList<GiGegevens> Alle { get; } =
    [
        Regionaal("JBN", "Jeugdbescherming Noord", "groningen", "drenthe"),
        Regionaal("JBF", "Jeugd- en Gezinsbescherming Friesland", "friesland"),
        Regionaal("JBO", "Jeugdbescherming Overijssel", "overijssel"),
        Regionaal("JBG", "Jeugdbescherming Gelderland", "gelderland"),
        Regionaal("SVMN", "Samen Veilig Midden-Nederland", "utrecht", "flevoland"),
        Regionaal("JGB", "De Jeugd- & Gezinsbeschermers", "noord-holland"),
        Regionaal("JBRA", "Jeugdbescherming Regio Amsterdam", "amsterdam"),
        Regionaal("JBW", "Jeugdbescherming west", "haaglanden", "zuid-holland", "zeeland"),
        Regionaal("JBRR", "Jeugdbescherming Rotterdam Rijnmond", "rotterdam-rijnmond"),
        Regionaal("JBB", "Jeugdbescherming Brabant", "brabant"),
        Regionaal("BJZL", "Bureau Jeugdzorg Limburg", "limburg"),
        Landelijk("WSS", "William Schrikker Jeugdbescherming & Jeugdreclassering", "lvb"),
        Landelijk("LJR", "Leger des Heils Jeugdbescherming & Reclassering", "complexe-multiproblematiek", "levensovertuiging"),
        Landelijk("NIDOS", "Nidos", "amv") with { MaatregelTypes = [MaatregelType.Voogdij, MaatregelType.VoorlopigeVoogdij, MaatregelType.Ots, MaatregelType.VoorlopigeOts] },
    ];

    private static readonly HashSet<string> Codes = Alle.Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsBekend(string code) => Codes.Contains(code);

    private static GiGegevens Regionaal(string code, string naam, params string[] regios) => new(code, naam, GiSoort.Regionaal, regios, []);

    private static GiGegevens Landelijk(string code, string naam, params string[] doelgroepen) => new(code, naam, GiSoort.Landelijk, [], doelgroepen);
}
