namespace Jbk.Maatregelregistratie.Domain;

/// <summary>
/// The child a measure is about. Stores as little as the work needs: BSN (or, for jeugdreclassering
/// without BSN, name, date of birth and address), date of birth, the paying gemeente, doelgroep indications.
/// Siblings share a <see cref="GezinId"/>.
/// </summary>
public sealed class Jeugdige
{
    private Jeugdige() { }

    public Guid Id { get; private set; }
    public Guid GezinId { get; private set; }
    public string? Bsn { get; private set; }
    public string? Naam { get; private set; }
    public string? Postcode { get; private set; }
    public string? Huisnummer { get; private set; }
    public DateOnly Geboortedatum { get; private set; }
    /// <summary>CBS code of the gemeente of residence (woonplaatsbeginsel), e.g. GM0106.</summary>
    public string Gemeente { get; private set; } = "";
    public List<string> Doelgroepen { get; private set; } = [];

    public DateOnly Wordt18 => Geboortedatum.AddYears(18);

    internal static Jeugdige Nieuw(JeugdigeInvoer invoer, Guid gezinId) => new()
    {
        Id = Guid.NewGuid(),
        GezinId = gezinId,
        Bsn = invoer.Bsn,
        Naam = invoer.Naam,
        Postcode = invoer.Postcode,
        Huisnummer = invoer.Huisnummer,
        Geboortedatum = invoer.Geboortedatum,
        Gemeente = invoer.Gemeente,
        Doelgroepen = [.. invoer.Doelgroepen],
    };

    /// <summary>A later registration may bring newer facts (a move, an LVB indication).</summary>
    internal void Werkbij(JeugdigeInvoer invoer)
    {
        Gemeente = invoer.Gemeente;
        foreach (var d in invoer.Doelgroepen.Where(d => !Doelgroepen.Contains(d))) Doelgroepen.Add(d);
    }
}
