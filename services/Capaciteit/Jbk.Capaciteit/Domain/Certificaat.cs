using Jbk.BuildingBlocks.Errors;

namespace Jbk.Capaciteit.Domain;

public enum CertificaatSoort { Regulier = 1, Overbrugging = 2, Beeindiging = 3 }

/// <summary>
/// A KMI certificate of a GI: regular (3 years), overbrugging (9 months, extendable by 3) or beëindiging
/// (6 months, extendable once by 6; every running measure must leave before it ends). Valid over [Van, Tot).
/// </summary>
public sealed class Certificaat
{
    public long Id { get; private set; }
    public required string GiCode { get; init; }
    public CertificaatSoort Soort { get; init; }
    public DateOnly Van { get; init; }
    public DateOnly Tot { get; private set; }
    public int Verlengingen { get; private set; }
    public DateOnly? IngetrokkenOp { get; private set; }

    public bool GeldigOp(DateOnly dag) => Van <= dag && dag < Tot && (IngetrokkenOp is null || dag < IngetrokkenOp);

    public static Certificaat Nieuw(string gi, CertificaatSoort soort, DateOnly van, DateOnly? tot, CertificaatOpties opties)
    {
        var standaard = soort switch
        {
            CertificaatSoort.Regulier => van.AddYears(opties.RegulierJaren),
            CertificaatSoort.Overbrugging => van.AddMonths(opties.OverbruggingMaanden),
            _ => van.AddMonths(opties.BeeindigingMaanden),
        };
        var einde = tot ?? standaard;
        if (einde <= van) throw new OngeldigeInvoerException("tot", $"Het certificaat moet na {van:yyyy-MM-dd} eindigen.");
        if (einde > standaard)
            throw new RegelGeschondenException(CapaciteitRegels.CertificaatDuur,
                $"Een {Omschrijving(soort)} geldt ten hoogste tot {standaard:yyyy-MM-dd}.");
        return new Certificaat { GiCode = gi, Soort = soort, Van = van, Tot = einde };
    }

    /// <summary>Overbrugging: once by 3 months; beëindiging: once by 6 months; a regular certificate is renewed by a new audit, not extended.</summary>
    public void Verleng(CertificaatOpties opties)
    {
        var (maanden, maximaal) = Soort switch
        {
            CertificaatSoort.Overbrugging => (opties.OverbruggingVerlengingMaanden, 1),
            CertificaatSoort.Beeindiging => (opties.BeeindigingVerlengingMaanden, 1),
            _ => (0, 0),
        };
        if (IngetrokkenOp is not null)
            throw new RegelGeschondenException(CapaciteitRegels.CertificaatVerlenging, "Een ingetrokken certificaat wordt niet verlengd.");
        if (Verlengingen >= maximaal)
            throw new RegelGeschondenException(CapaciteitRegels.CertificaatVerlenging, maximaal == 0
                ? "Een regulier certificaat wordt niet verlengd maar na een audit opnieuw verleend."
                : $"Een {Omschrijving(Soort)} wordt ten hoogste één keer verlengd.");
        Tot = Tot.AddMonths(maanden);
        Verlengingen++;
    }

    /// <summary>False when it was already withdrawn: a repeat changes nothing.</summary>
    public bool TrekIn(DateOnly op)
    {
        if (IngetrokkenOp is not null) return false;
        IngetrokkenOp = op < Van ? Van : op;
        return true;
    }

    public static string Omschrijving(CertificaatSoort soort) => soort switch
    {
        CertificaatSoort.Regulier => "regulier certificaat",
        CertificaatSoort.Overbrugging => "overbruggingscertificaat",
        _ => "beëindigingscertificaat",
    };
}

public sealed class CertificaatOpties
{
    public int RegulierJaren { get; set; } = 3;
    public int OverbruggingMaanden { get; set; } = 9;
    public int OverbruggingVerlengingMaanden { get; set; } = 3;
    public int BeeindigingMaanden { get; set; } = 6;
    public int BeeindigingVerlengingMaanden { get; set; } = 6;
}
