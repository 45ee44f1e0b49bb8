using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;

namespace Jbk.Maatregelregistratie.Domain;

/// <summary>The child as given in a registration, checked field by field.</summary>
public sealed record JeugdigeInvoer(
    string? Bsn, string? Naam, string? Postcode, string? Huisnummer, DateOnly Geboortedatum, string Gemeente,
    IReadOnlyList<string> Doelgroepen)
{
    public static JeugdigeInvoer Valideer(MaatregelType type, string? bsn, string? naam, string? postcode, string? huisnummer,
        DateOnly? geboortedatum, string? gemeente, IEnumerable<string> doelgroepen)
    {
        if (geboortedatum is null)
            throw new OngeldigeInvoerException("jeugdige.geboortedatum", "De geboortedatum van de jeugdige ontbreekt of is geen bestaande datum.");
        if (string.IsNullOrWhiteSpace(gemeente))
            throw new OngeldigeInvoerException("jeugdige.gemeente", "De woonplaatsgemeente van de jeugdige (bijv. GM0106) ontbreekt.");
        string? genormaliseerd = null;
        if (!string.IsNullOrWhiteSpace(bsn))
        {
            if (!Domain.Bsn.IsGeldig(bsn))
                throw new OngeldigeInvoerException("jeugdige.bsn", "Het BSN is ongeldig: het voldoet niet aan de elfproef.");
            genormaliseerd = Domain.Bsn.Normaliseer(bsn);
        }
        else if (type != MaatregelType.Jeugdreclassering)
        {
            throw new OngeldigeInvoerException("jeugdige.bsn", "Het BSN ontbreekt; alleen bij jeugdreclassering mag het ontbreken.");
        }
        else if (string.IsNullOrWhiteSpace(naam) || string.IsNullOrWhiteSpace(postcode) || string.IsNullOrWhiteSpace(huisnummer))
        {
            throw new OngeldigeInvoerException("jeugdige", "Zonder BSN zijn naam, postcode en huisnummer van de jeugdige nodig.");
        }
        return new JeugdigeInvoer(genormaliseerd, genormaliseerd is null ? naam!.Trim() : null,
            genormaliseerd is null ? postcode!.Replace(" ", "").ToUpperInvariant() : null,
            genormaliseerd is null ? huisnummer!.Trim() : null,
            geboortedatum.Value, gemeente.Trim().ToUpperInvariant(),
            doelgroepen.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim().ToLowerInvariant()).Distinct().ToList());
    }
}
