using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;

namespace Jbk.Maatregelregistratie.Domain;

/// <summary>A registration request that has passed the input rules. Construct it with <see cref="Valideer"/>.</summary>
public sealed record MaatregelInvoer(
    string IdempotentieSleutel, MaatregelType Type, string GiCode, string Regio, DateOnly Startdatum, DateOnly? Einddatum,
    string? JrVariant = null)
{
    /// <summary>Checks the request field by field and names the first field that is wrong.</summary>
    public static MaatregelInvoer Valideer(
        string? idempotentieSleutel, MaatregelType? type, string? giCode, string? regio, DateOnly? startdatum, DateOnly? einddatum,
        bool einddatumOpgegeven, string? jrVariant = null)
    {
        if (string.IsNullOrWhiteSpace(idempotentieSleutel))
            throw new OngeldigeInvoerException("idempotentie_sleutel", "Geef een idempotentiesleutel mee, zodat een herhaalde registratie geen tweede maatregel maakt.");
        if (type is null)
            throw new OngeldigeInvoerException("type", "Het type maatregel ontbreekt of is onbekend.");
        if (string.IsNullOrWhiteSpace(giCode))
            throw new OngeldigeInvoerException("gi_code", "De verantwoordelijke GI ontbreekt.");
        var gi = giCode.Trim().ToUpperInvariant();
        if (!GiRegister.IsBekend(gi))
            throw new NietGevondenException("GI", gi, $"GI '{gi}' staat niet in het GI-register.");
        if (string.IsNullOrWhiteSpace(regio))
            throw new OngeldigeInvoerException("regio", "De regio (jeugdregio die betaalt) ontbreekt.");
        if (startdatum is null)
            throw new OngeldigeInvoerException("startdatum", "De startdatum ontbreekt of is geen bestaande datum.");
        if (einddatumOpgegeven && einddatum is null)
            throw new OngeldigeInvoerException("einddatum", "De einddatum is geen bestaande datum.");
        if (einddatum is not null && einddatum <= startdatum)
            throw new OngeldigeInvoerException("einddatum", $"De einddatum {einddatum:yyyy-MM-dd} ligt niet na de startdatum {startdatum:yyyy-MM-dd}.");
        if (type == MaatregelType.Jeugdreclassering && string.IsNullOrWhiteSpace(jrVariant))
            throw new OngeldigeInvoerException("jr_variant", "Noem de variant van de jeugdreclassering (bijv. toezicht-en-begeleiding, itb, stp).");
        return new MaatregelInvoer(idempotentieSleutel.Trim(), type.Value, gi, regio.Trim().ToLowerInvariant(), startdatum.Value, einddatum,
            type == MaatregelType.Jeugdreclassering ? jrVariant!.Trim().ToLowerInvariant() : null);
    }
}
