using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;

namespace Jbk.Maatregelregistratie.Domain;

/// <summary>Who may do what with measures. A GI works only with its own measures; operators see counts only.</summary>
public static class Toegang
{
    /// <summary>The RvdK registers measures and proposes the GI; a GI may register a measure it carries out itself.</summary>
    public static void MagRegistreren(Caller caller, string giCode)
    {
        if (caller.Organisatie.Soort == OrganisatieSoort.Rvdk) return;
        if (caller.Organisatie.IsGi(giCode)) return;
        throw new GeenToegangException(caller.Organisatie.Soort == OrganisatieSoort.Gi
            ? $"GI {caller.Organisatie.Code} mag geen maatregel registreren voor GI {giCode}."
            : $"Organisatie {caller.Organisatie} mag geen maatregelen registreren.");
    }

    public static void MagLezen(Caller caller, Maatregel maatregel)
    {
        if (caller.Organisatie.Soort == OrganisatieSoort.Rvdk) return;
        if (caller.Organisatie.IsGi(maatregel.VerantwoordelijkeGi)) return;
        throw new GeenToegangException(caller.Organisatie.Soort == OrganisatieSoort.Gi
            ? $"GI {caller.Organisatie.Code} is niet verantwoordelijk voor deze maatregel."
            : $"Organisatie {caller.Organisatie} mag geen maatregelen inzien, alleen aantallen.");
    }
}
