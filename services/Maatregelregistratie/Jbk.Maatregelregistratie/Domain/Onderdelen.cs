namespace Jbk.Maatregelregistratie.Domain;

public enum MaatregelStatus { Lopend = 1, Beeindigd = 2 }

public enum BeschikkingSoort { Opleggen = 1, Verlengen = 2, Beeindigen = 3 }

/// <summary>A court decision that starts, extends or ends a measure.</summary>
public sealed record Beschikking(BeschikkingSoort Soort, string Rechtbank, string Zaaknummer, DateOnly Datum, DateOnly? Einddatum);

/// <summary>One GI responsible over the half-open period [Van, Tot). Tot is null while it runs.</summary>
public sealed class Verantwoordelijkheid
{
    public required string GiCode { get; init; }
    public DateTime VanUtc { get; init; }
    public DateTime? TotUtc { get; set; }
    /// <summary>The handover that started this period; null for the first GI.</summary>
    public Guid? OverdrachtId { get; init; }
}

public enum ToewijzingSoort { Pool = 1, Vast = 2 }

/// <summary>Who works on the case at the GI: a vaste jeugdbeschermer (pseudonymous id) or a pool (CCP, CRT).</summary>
public sealed class Toewijzing
{
    public required string GiCode { get; init; }
    public ToewijzingSoort Soort { get; init; }
    /// <summary>The jeugdbeschermer's pseudonymous id, or the pool's name.</summary>
    public required string Wie { get; init; }
    public DateOnly Van { get; init; }
    public DateOnly? Tot { get; set; }
}

public enum MijlpaalSoort
{
    EersteContact = 1,
    PlanVanAanpak = 2,
    Veiligheidstaxatie = 3,
    VerlengingsverzoekIngediend = 4,
    RvdkGemeldGeenVerlenging = 5,
    UithuisplaatsingUitgevoerd = 6,
    GezagsbeeindigingVerzocht = 7,
}

/// <summary>A normenkader or legal step done on a date by the GI responsible then.</summary>
public sealed record Mijlpaal(MijlpaalSoort Soort, DateOnly Datum, string GiCode);

/// <summary>Read access the overdracht service granted a receiving GI for the length of one handover.</summary>
public sealed class Inzage
{
    public required string GiCode { get; init; }
    public Guid OverdrachtId { get; init; }
    public DateTime VerleendOpUtc { get; init; }
    public DateTime? IngetrokkenOpUtc { get; set; }
}
