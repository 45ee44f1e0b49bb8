using Jbk.Contracts;

namespace Jbk.BuildingBlocks.Security;

/// <summary>Who a trusted key may sign for: the identity provider for people, a service's key for that service alone.</summary>
public abstract record SleutelRol
{
    /// <summary>The identity provider (and the embedded platform's local key): GIs, the RvdK, gemeenten, operators; never a service.</summary>
    public sealed record IdentityProvider : SleutelRol;

    /// <summary>One service's own key: only <c>dienst:&lt;Naam&gt;</c>; null = any service (the embedded platform's local service key).</summary>
    public sealed record Dienst(string? Naam) : SleutelRol;
}

/// <summary>
/// What a validly signed token must also be before the platform believes it (plain rules, no I/O): one <c>org</c> that
/// names an organisation that exists, signed by a key that may sign for it, with a bounded lifetime, and a readable
/// <c>namens</c> or none. Every refusal is a sentence for the caller (UNAUTHENTICATED).
/// </summary>
public sealed class TokenBeleid(TimeSpan maximaalGebruiker, TimeSpan maximaalDienst)
{
    /// <summary>Longer than this (the whole Authorization header) is refused before it is parsed.</summary>
    public const int MaximaleLengte = 16 * 1024;

    /// <summary>The platform's services, the only valid <c>dienst:</c> names.</summary>
    public static readonly IReadOnlySet<string> Diensten = new HashSet<string>(["maatregelregistratie", "capaciteit", "overdracht", "clientenstop"]);

    public static TokenBeleid Standaard { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5));

    public TimeSpan MaximaalGebruiker => maximaalGebruiker;
    public TimeSpan MaximaalDienst => maximaalDienst;

    /// <summary>Null when the token may pass; otherwise why not.</summary>
    public string? Weiger(IReadOnlyList<string> org, IReadOnlyList<string> namens, DateTime? nietVoor, DateTime verloopt, SleutelRol? rol)
    {
        if (org.Count != 1) return "Het token moet precies één organisatie noemen (claim 'org', één tekst).";
        if (!Organisatie.TryParse(org[0], out var organisatie) || !Bestaat(organisatie))
            return $"Het token noemt geen bestaande organisatie ('{Kort(org[0])}').";
        if (namens.Count > 1 || (namens.Count == 1 && (!Organisatie.TryParse(namens[0], out var n) || !Bestaat(n) || n.Soort == OrganisatieSoort.Dienst)))
            return "De claim 'namens' noemt geen bestaande organisatie.";
        switch (rol)
        {
            case null:
                return "Het token is ondertekend met een onbekende sleutel.";
            case SleutelRol.IdentityProvider when organisatie.Soort == OrganisatieSoort.Dienst:
                return "De sleutel van de identity provider mag geen token voor een dienst van het platform ondertekenen.";
            case SleutelRol.Dienst d when organisatie.Soort != OrganisatieSoort.Dienst || (d.Naam is not null && !organisatie.IsDienst(d.Naam)):
                return $"De sleutel van {(d.Naam is null ? "de diensten" : "dienst:" + d.Naam)} mag alleen voor {(d.Naam is null ? "een dienst" : "dienst:" + d.Naam)} ondertekenen, niet voor {organisatie}.";
        }
        if (nietVoor is null) return "Het token heeft geen begin van zijn geldigheid (claim 'nbf').";
        var maximaal = organisatie.Soort == OrganisatieSoort.Dienst ? maximaalDienst : maximaalGebruiker;
        if (verloopt - nietVoor.Value > maximaal)
            return $"Het token is te lang geldig ({Duur(verloopt - nietVoor.Value)}); ten hoogste {Duur(maximaal)}.";
        return null;
    }

    /// <summary>A GI of the register, a gemeente of the CBS list, a platform service, the RvdK or an operator.</summary>
    public static bool Bestaat(Organisatie o) => o.Soort switch
    {
        OrganisatieSoort.Gi => GiRegister.IsBekend(o.Code!),
        OrganisatieSoort.Gemeente => Gemeenten.IsBekend(o.Code!),
        OrganisatieSoort.Dienst => Diensten.Contains(o.Code!),
        OrganisatieSoort.Rvdk or OrganisatieSoort.Operator or OrganisatieSoort.Privacyfunctionaris => true,
        _ => false,
    };

    private static string Kort(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Duur(TimeSpan t) => t.TotalDays >= 2 ? $"{t.TotalDays:0} dagen" : t.TotalHours >= 2 ? $"{t.TotalHours:0} uur" : $"{t.TotalMinutes:0} minuten";
}
