using Jbk.Capaciteit.Domain;

namespace Jbk.Capaciteit.Persistence;

/// <summary>
/// The 13 GIs and Nidos as the domain documents name them (../shared/docs/domain.md, "Who is who").
/// Region codes are provinces or jeugdregio's in lower case.
/// </summary>
public static class GiRegister
{
    public static IReadOnlyList<Instelling> Alle { get; } =
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
        Landelijk("NIDOS", "Nidos", "amv"),
    ];

    private static Instelling Regionaal(string code, string naam, params string[] regios) =>
        new() { Code = code, Naam = naam, Soort = InstellingSoort.Regionaal, Regios = [.. regios] };

    private static Instelling Landelijk(string code, string naam, params string[] doelgroepen) =>
        new() { Code = code, Naam = naam, Soort = InstellingSoort.Landelijk, Doelgroepen = [.. doelgroepen] };
}
