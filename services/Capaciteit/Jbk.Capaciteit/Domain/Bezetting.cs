using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;

namespace Jbk.Capaciteit.Domain;

/// <summary>
/// Staffing of a GI: FTE case workers, of whom sick, hired externally and in training (with a lower caseload),
/// and the caseload norm. Figures only, never persons.
/// </summary>
public sealed class Bezetting
{
    public required string GiCode { get; init; }
    public decimal FteTotaal { get; set; }
    public decimal FteZiek { get; set; }
    public decimal FteExtern { get; set; }
    public decimal FteInOpleiding { get; set; }
    /// <summary>Weighted measures one deployable FTE carries (no legal number; 8-9 is the tariff's intent, 16-18 practice).</summary>
    public decimal Norm { get; set; } = 15m;
    /// <summary>The share of a full caseload a worker in training carries.</summary>
    public decimal OpleidingsFactor { get; set; } = 0.5m;
    public DateTime BijgewerktOpUtc { get; set; }

    public decimal FteInzetbaar => FteTotaal - FteZiek;

    /// <summary>Deployable FTE with the workers in training counted at their lower caseload.</summary>
    public decimal FteEffectief => Math.Max(0, FteInzetbaar - FteInOpleiding * (1 - OpleidingsFactor));

    /// <summary>How many weighted measures the GI can carry.</summary>
    public int Capaciteit => (int)Math.Floor(FteEffectief * Norm);

    public static void Valideer(decimal totaal, decimal ziek, decimal extern_, decimal opleiding, decimal norm, decimal factor)
    {
        if (totaal < 0 || ziek < 0 || extern_ < 0 || opleiding < 0)
            throw new OngeldigeInvoerException("fte", "FTE-aantallen kunnen niet negatief zijn.");
        if (ziek > totaal) throw new OngeldigeInvoerException("fte_ziek", $"Er kan niet meer FTE ziek zijn ({ziek}) dan er werkt ({totaal}).");
        if (extern_ > totaal) throw new OngeldigeInvoerException("fte_extern", "Extern ingehuurde FTE zijn een deel van het totaal.");
        if (opleiding > totaal) throw new OngeldigeInvoerException("fte_in_opleiding", "FTE in opleiding zijn een deel van het totaal.");
        if (norm <= 0) throw new OngeldigeInvoerException("norm", "De caseloadnorm moet groter dan nul zijn.");
        if (factor is < 0 or > 1) throw new OngeldigeInvoerException("opleidingsfactor", "De opleidingsfactor ligt tussen 0 en 1.");
    }
}

/// <summary>
/// The caseload norm and training share a GI gets when it reports staffing without them: policy, not law (no legal
/// number), so the deployment may change them at run time (<c>Capaciteit:Caseload</c>; with Dapr from its configuration store).
/// </summary>
public sealed class CaseloadOpties
{
    public decimal Norm { get; set; } = 15m;
    public decimal Opleidingsfactor { get; set; } = 0.5m;
    /// <summary>A monthly caseload report older than this is flagged as outdated (a month and its delivery time).</summary>
    public int RapportageVerouderdNaDagen { get; set; } = 62;
}

/// <summary>How heavy each type of measure weighs in a caseload; configurable (Capaciteit:Gewichten).</summary>
public sealed class Gewichten
{
    public Dictionary<MaatregelType, decimal> PerType { get; set; } = new()
    {
        [MaatregelType.Ots] = 1m,
        [MaatregelType.VoorlopigeOts] = 1m,
        // An MUHP runs inside an OTS of the same child, with the same case worker: extra work, not a new case.
        [MaatregelType.Muhp] = 0.5m,
        [MaatregelType.Voogdij] = 1m,
        [MaatregelType.VoorlopigeVoogdij] = 1m,
        [MaatregelType.Jeugdreclassering] = 1m,
    };

    public decimal Van(MaatregelType type) => PerType.GetValueOrDefault(type, 1m);
}
