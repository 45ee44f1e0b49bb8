namespace Jbk.BuildingBlocks.Security.Autorisatie;

/// <summary>
/// Who a caller is to the thing an RPC concerns. The policy of an RPC names the betrokkenen it admits; the organisation
/// kind is checked before the RPC runs, the relation to the measure, handover, stop or region right after it is loaded,
/// before anything is answered.
/// </summary>
[Flags]
public enum Betrokkene
{
    /// <summary>The GI responsible for the measure, the sender of the handover, the GI of the stop, the GI the request names as its own.</summary>
    EigenGi = 1 << 0,
    /// <summary>The receiving GI of an open handover of the measure (or of a scenario).</summary>
    OntvangendeGi = 1 << 1,
    /// <summary>A GI with no part in it.</summary>
    AndereGi = 1 << 2,
    Rvdk = 1 << 3,
    /// <summary>A gemeente of the jeugdregio concerned.</summary>
    GemeenteVanDeRegio = 1 << 4,
    /// <summary>A gemeente of another jeugdregio.</summary>
    AndereGemeente = 1 << 5,
    /// <summary>Ketenregie: counts, capacity, progress, scenarios; no single handover, no personal data.</summary>
    Operator = 1 << 6,
    /// <summary>The privacy officer: the access log and its chain, nothing else.</summary>
    Privacyfunctionaris = 1 << 7,
    DienstMaatregelregistratie = 1 << 8,
    DienstCapaciteit = 1 << 9,
    DienstOverdracht = 1 << 10,
    DienstClientenstop = 1 << 11,

    ElkeGi = EigenGi | OntvangendeGi | AndereGi,
    ElkeGemeente = GemeenteVanDeRegio | AndereGemeente,
    /// <summary>Every organisation of the chain (people, not the platform's services).</summary>
    Ketenpartners = ElkeGi | Rvdk | ElkeGemeente | Operator,
}

public static class Betrokkenen
{
    /// <summary>Every single betrokkene, in the order of the documentation's columns.</summary>
    public static IReadOnlyList<Betrokkene> Alle { get; } =
        [.. Enum.GetValues<Betrokkene>().Where(b => System.Numerics.BitOperations.IsPow2((int)b))];

    public static string Naam(Betrokkene b) => b switch
    {
        Betrokkene.EigenGi => "eigen GI",
        Betrokkene.OntvangendeGi => "ontvangende GI",
        Betrokkene.AndereGi => "andere GI",
        Betrokkene.Rvdk => "RvdK",
        Betrokkene.GemeenteVanDeRegio => "gemeente in regio",
        Betrokkene.AndereGemeente => "gemeente buiten regio",
        Betrokkene.Operator => "operator",
        Betrokkene.Privacyfunctionaris => "privacyfunctionaris",
        Betrokkene.DienstMaatregelregistratie => "dienst:maatregelregistratie",
        Betrokkene.DienstCapaciteit => "dienst:capaciteit",
        Betrokkene.DienstOverdracht => "dienst:overdracht",
        Betrokkene.DienstClientenstop => "dienst:clientenstop",
        _ => string.Join(", ", Alle.Where(a => b.HasFlag(a)).Select(Naam)),
    };

    /// <summary>The betrokkenen an organisation can be at all, whatever the RPC concerns.</summary>
    public static Betrokkene Mogelijk(Organisatie o) => o.Soort switch
    {
        OrganisatieSoort.Gi => Betrokkene.ElkeGi,
        OrganisatieSoort.Gemeente => Betrokkene.ElkeGemeente,
        OrganisatieSoort.Rvdk => Betrokkene.Rvdk,
        OrganisatieSoort.Operator => Betrokkene.Operator,
        OrganisatieSoort.Privacyfunctionaris => Betrokkene.Privacyfunctionaris,
        OrganisatieSoort.Dienst => o.Code switch
        {
            "maatregelregistratie" => Betrokkene.DienstMaatregelregistratie,
            "capaciteit" => Betrokkene.DienstCapaciteit,
            "overdracht" => Betrokkene.DienstOverdracht,
            "clientenstop" => Betrokkene.DienstClientenstop,
            _ => 0,
        },
        _ => 0,
    };
}
