using Jbk.Contracts;

namespace Jbk.Planning;

/// <summary>A receiving GI in a scenario, with what it is willing and able to take.</summary>
public sealed record Ontvanger(
    string GiCode,
    /// <summary>Free capacity now (measures).</summary>
    int VrijeCapaciteit,
    /// <summary>At most this many measures a week ("will not endanger its own organisation").</summary>
    int WekelijkseLimiet,
    /// <summary>At most this many measures in all, when the receiver set its own ceiling; none: its free capacity decides.</summary>
    int? Plafond,
    GiSoort Soort,
    IReadOnlyList<string> Doelgroepen,
    IReadOnlyList<MaatregelType> Types,
    /// <summary>Certified for incoming transfers over the scenario's window.</summary>
    bool Gecertificeerd,
    /// <summary>Regions it has (or will get) a contract in.</summary>
    IReadOnlyList<string> Regios)
{
    /// <summary>What it can and will take in all.</summary>
    public int Ruimte => Plafond is { } plafond ? Math.Min(plafond, VrijeCapaciteit) : VrijeCapaciteit;

    /// <summary>Places kept free in the first plan for families planned again after a refusal.</summary>
    public int Reserve(double fractie) => (int)Math.Ceiling(Ruimte * fractie);
}

/// <summary>A case worker who moves to a receiver and takes their caseload along.</summary>
public sealed record MeegaandeMedewerker(string JeugdbeschermerId, string NaarGi);

/// <summary>A bulk transfer: all running measures of a GI in the regions to the receivers, before the deadline.</summary>
public sealed record Scenario(
    string VerzendendeGi,
    IReadOnlyList<string> Regios,
    IReadOnlyList<Ontvanger> Ontvangers,
    DateOnly Start,
    /// <summary>The end of the beëindigingscertificaat (optionally extended once).</summary>
    DateOnly Deadline,
    IReadOnlyList<MeegaandeMedewerker> MeegaandeMedewerkers,
    /// <summary>How many measures the court can convert a week.</summary>
    int RechtbankPerWeek,
    /// <summary>Share of each receiver's room the first plan leaves free for re-planning refused families (0 to 0.5).</summary>
    double Herplanreserve = 0)
{
    public int AantalWeken => Math.Max(1, (Deadline.DayNumber - Start.DayNumber + 6) / 7);

    /// <summary>Whether a first legal deadline falls before the end of week <paramref name="week"/>: switched then, it is late.</summary>
    public bool Laat(DateOnly? termijn, int week) => termijn is { } t && t < Start.AddDays(7 * week + 7);
}

/// <summary>A running measure to place, with what the rules look at.</summary>
public sealed record TePlaatsen(
    Guid MaatregelId, Guid GezinId, MaatregelType Type, string Regio, IReadOnlyList<string> Doelgroepen, string? JeugdbeschermerId,
    /// <summary>The first legal deadline (end date, extension notice, MUHP lapse), if any.</summary>
    DateOnly? EersteTermijn);
