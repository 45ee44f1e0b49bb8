namespace Jbk.Capaciteit.Domain;

/// <summary>Which regions border which: the second ring the availability query looks at, as LCPS did with hospitals.</summary>
public static class Buurregios
{
    private static readonly Dictionary<string, HashSet<string>> Buren = Bouw(
        ("groningen", "friesland"), ("groningen", "drenthe"),
        ("friesland", "drenthe"), ("friesland", "overijssel"), ("friesland", "flevoland"), ("friesland", "noord-holland"),
        ("drenthe", "overijssel"),
        ("overijssel", "flevoland"), ("overijssel", "gelderland"),
        ("flevoland", "gelderland"), ("flevoland", "utrecht"), ("flevoland", "noord-holland"), ("flevoland", "amsterdam"),
        ("gelderland", "utrecht"), ("gelderland", "brabant"), ("gelderland", "limburg"), ("gelderland", "zuid-holland"),
        ("utrecht", "noord-holland"), ("utrecht", "amsterdam"), ("utrecht", "zuid-holland"), ("utrecht", "haaglanden"), ("utrecht", "rotterdam-rijnmond"),
        ("noord-holland", "amsterdam"), ("noord-holland", "zuid-holland"), ("noord-holland", "haaglanden"),
        ("haaglanden", "zuid-holland"), ("haaglanden", "rotterdam-rijnmond"), ("zuid-holland", "rotterdam-rijnmond"),
        ("zuid-holland", "brabant"), ("rotterdam-rijnmond", "brabant"), ("zuid-holland", "zeeland"), ("rotterdam-rijnmond", "zeeland"),
        ("zeeland", "brabant"), ("brabant", "limburg"));

    public static bool ZijnBuren(string a, string b) => Buren.TryGetValue(a, out var buren) && buren.Contains(b);

    public static IReadOnlySet<string> Van(string regio) => Buren.TryGetValue(regio, out var buren) ? buren : new HashSet<string>();

    public static bool IsBekend(string regio) => Contracts.Regios.IsBekend(regio);

    private static Dictionary<string, HashSet<string>> Bouw(params (string, string)[] paren)
    {
        var buren = new Dictionary<string, HashSet<string>>();
        foreach (var (a, b) in paren)
        {
            (buren.TryGetValue(a, out var x) ? x : buren[a] = []).Add(b);
            (buren.TryGetValue(b, out var y) ? y : buren[b] = []).Add(a);
        }
        return buren;
    }
}
