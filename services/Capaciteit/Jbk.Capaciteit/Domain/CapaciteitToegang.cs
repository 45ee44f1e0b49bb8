using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;

namespace Jbk.Capaciteit.Domain;

/// <summary>Who may change what in capaciteit. Reading figures is open to every authenticated organisation: they carry no personal data.</summary>
public static class CapaciteitToegang
{
    /// <summary>KMI decisions are recorded by operators.</summary>
    public static void MagCertificaatVastleggen(Caller caller)
    {
        if (caller.Organisatie.Soort != OrganisatieSoort.Operator)
            throw new GeenToegangException("Alleen een operator legt besluiten van het Keurmerkinstituut over certificaten vast.");
    }

    public static void MagBezettingVastleggen(Caller caller, string gi)
    {
        if (caller.Organisatie.Soort == OrganisatieSoort.Operator || caller.Organisatie.IsGi(gi)) return;
        throw new GeenToegangException($"Alleen {gi} zelf of een operator legt de bezetting van {gi} vast.");
    }

    /// <summary>Region contracts are the gemeenten's: a gemeente or an operator records them.</summary>
    public static void MagContractVastleggen(Caller caller)
    {
        if (caller.Organisatie.Soort is OrganisatieSoort.Operator or OrganisatieSoort.Gemeente) return;
        throw new GeenToegangException("Regiocontracten worden vastgelegd door een gemeente (jeugdregio) of een operator.");
    }

    public static void MagReserveren(Caller caller)
    {
        if (caller.Organisatie.IsDienst("overdracht") || caller.Organisatie.Soort == OrganisatieSoort.Operator) return;
        throw new GeenToegangException("Capaciteit wordt gereserveerd door de overdrachtservice (of een operator), niet door een GI zelf.");
    }
}
