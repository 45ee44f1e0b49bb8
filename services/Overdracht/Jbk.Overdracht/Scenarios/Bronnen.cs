using Jbk.Contracts;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Scenarios;

/// <summary>A period in which one GI was responsible for a measure, as maatregelregistratie records it.</summary>
public sealed record Periode(string GiCode, DateTime VanUtc, DateTime? TotUtc, Guid? OverdrachtId = null);

/// <summary>A case worker (vast) or pool working on a measure for a GI, as maatregelregistratie records it.</summary>
public sealed record Inzet(string GiCode, bool Vast, DateOnly Van, DateOnly? Tot);

/// <summary>A legal or normenkader deadline of a measure as maatregelregistratie computes it now.</summary>
public sealed record RegistratieTermijn(string Soort, DateOnly Uiterlijk, DateOnly? VoldaanOp);

/// <summary>A measure as the system of record holds it: its family, its responsible GIs over time, its case workers, its deadlines.</summary>
public sealed record GeregistreerdeMaatregel(
    Guid Id, Guid GezinId, MaatregelType Type, string Regio, bool Lopend, IReadOnlyList<Periode> Tijdlijn, IReadOnlyList<Inzet> Toewijzingen,
    IReadOnlyList<RegistratieTermijn> Termijnen, IReadOnlyList<string> Doelgroepen)
{
    public string? VerantwoordelijkNu => Tijdlijn.Where(p => p.TotUtc is null).Select(p => p.GiCode).FirstOrDefault();

    /// <summary>The GI responsible at the instant; null before the measure began or after it ended.</summary>
    public string? VerantwoordelijkOp(DateTime momentUtc) =>
        Tijdlijn.FirstOrDefault(p => p.VanUtc <= momentUtc && (p.TotUtc is null || momentUtc < p.TotUtc))?.GiCode;
}

/// <summary>A receiver's figures in capaciteit now: places, load and what is held for handovers.</summary>
public sealed record Capaciteitsstand(string GiCode, int Capaciteit, double Belasting, double Gereserveerd)
{
    public bool IsOverboekt => Belasting + Gereserveerd > Capaciteit;
}

/// <summary>What capaciteit says of a GI on a day: may it take on cases, and in which regions it has a contract.</summary>
public sealed record Certificering(bool MagNieuwAannemen, string Reden, IReadOnlyList<string> Regios);

/// <summary>
/// Everything the continuity report judges from, read from the systems of record: maatregelregistratie (the measures of
/// the scenario's families, and the sender's running measures in its regions), overdracht's own handovers (request,
/// court decision, owners of deadlines), and capaciteit (its register of GIs, its figures now, certificates and
/// contracts on each switch day).
/// </summary>
public sealed record Bronnen(
    IReadOnlyList<GeregistreerdeMaatregel> Registratie,
    IReadOnlyDictionary<Guid, OverdrachtProces> Overdrachten,
    IReadOnlyDictionary<string, GiGegevens> Instellingen,
    IReadOnlyDictionary<string, Capaciteitsstand> Capaciteit,
    IReadOnlyDictionary<(string GiCode, DateOnly Dag), Certificering> Certificaten);
