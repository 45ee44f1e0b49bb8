namespace Jbk.Contracts;

/// <summary>The region codes the platform knows: the provinces and the jeugdregio's the GIs contract in, lower case.</summary>
public static class Regios
{
    public static readonly IReadOnlySet<string> Bekend = new HashSet<string>(StringComparer.Ordinal)
    {
        "groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht", "noord-holland", "amsterdam",
        "haaglanden", "zuid-holland", "rotterdam-rijnmond", "zeeland", "brabant", "limburg",
    };

    public static bool IsBekend(string regio) => Bekend.Contains(regio.Trim().ToLowerInvariant());
}
