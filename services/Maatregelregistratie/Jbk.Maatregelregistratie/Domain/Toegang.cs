using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;

namespace Jbk.Maatregelregistratie.Domain;

/// <summary>
/// Who may do what with measures. A GI works only with measures it is responsible for; the RvdK registers
/// measures and proposes the GI; only the overdracht service moves responsibility; operators see counts only.
/// </summary>
public static class Toegang
{
    public const string OverdrachtDienst = "overdracht";

    public static void MagRegistreren(Caller caller, string giCode)
    {
        if (caller.Organisatie.Soort == OrganisatieSoort.Rvdk || caller.Organisatie.IsGi(giCode)) return;
        throw new GeenToegangException(caller.Organisatie.Soort == OrganisatieSoort.Gi
            ? $"GI {caller.Organisatie.Code} mag geen maatregel registreren voor GI {giCode}."
            : $"Organisatie {caller.Organisatie} mag geen maatregelen registreren.");
    }

    /// <summary>The responsible GI, the RvdK, and the receiving GI of an open handover (granted by the overdracht service).</summary>
    public static void MagLezen(Caller caller, Maatregel maatregel)
    {
        if (caller.Organisatie.Soort == OrganisatieSoort.Rvdk || caller.Organisatie.IsGi(maatregel.VerantwoordelijkeGi)) return;
        if (caller.Organisatie.IsDienst(OverdrachtDienst)) return; // checks continuity before a handover
        if (caller.Organisatie.Soort == OrganisatieSoort.Gi && maatregel.HeeftInzage(caller.Organisatie.Code!)) return;
        throw NietVerantwoordelijk(caller);
    }

    /// <summary>Court decisions (extension, end) are recorded by the responsible GI or the RvdK.</summary>
    public static void MagBeschikkingVastleggen(Caller caller, Maatregel maatregel)
    {
        if (caller.Organisatie.Soort == OrganisatieSoort.Rvdk || caller.Organisatie.IsGi(maatregel.VerantwoordelijkeGi)) return;
        throw NietVerantwoordelijk(caller);
    }

    /// <summary>Case worker and milestones are the responsible GI's own work.</summary>
    public static void MagUitvoeringVastleggen(Caller caller, Maatregel maatregel)
    {
        if (caller.Organisatie.IsGi(maatregel.VerantwoordelijkeGi)) return;
        throw NietVerantwoordelijk(caller);
    }

    public static void MagOverdragen(Caller caller)
    {
        if (caller.Organisatie.IsDienst(OverdrachtDienst)) return;
        throw new GeenToegangException("Verantwoordelijkheid gaat alleen over via een overdracht (de overdrachtservice), niet rechtstreeks.");
    }

    /// <summary>Lists with details: a GI its own, the RvdK any GI's.</summary>
    public static void MagZoeken(Caller caller, string giCode)
    {
        if (caller.Organisatie.Soort == OrganisatieSoort.Rvdk || caller.Organisatie.IsGi(giCode) || caller.Organisatie.IsDienst(OverdrachtDienst)) return;
        throw new GeenToegangException(caller.Organisatie.Soort == OrganisatieSoort.Gi
            ? $"GI {caller.Organisatie.Code} ziet alleen de eigen maatregelen, niet die van {giCode}."
            : $"Organisatie {caller.Organisatie} ziet alleen aantallen (GeefTellingen), geen maatregelen.");
    }

    private static GeenToegangException NietVerantwoordelijk(Caller caller) => new(caller.Organisatie.Soort == OrganisatieSoort.Gi
        ? $"GI {caller.Organisatie.Code} is niet verantwoordelijk voor deze maatregel."
        : $"Organisatie {caller.Organisatie} mag deze maatregel niet inzien of wijzigen; operators zien alleen aantallen.");
}
