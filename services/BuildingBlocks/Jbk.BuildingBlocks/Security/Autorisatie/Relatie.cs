using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;

namespace Jbk.BuildingBlocks.Security.Autorisatie;

/// <summary>
/// The second half of an RPC's policy: once the RPC has loaded what the call concerns, it says what the caller is to it
/// (<see cref="Relatie"/>) and <see cref="Vereis"/> holds that against the RPC's own declaration, before anything is read further
/// or answered.
/// </summary>
public static class Relatie
{
    /// <summary>Refused (PERMISSION_DENIED) unless <paramref name="relatie"/> is among the betrokkenen the RPC declares.</summary>
    public static void Vereis(ServerCallContext context, Betrokkene relatie, string? waarom = null)
    {
        var beleid = context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<MagAttribute>();
        if (beleid is not null && (beleid.Wie & relatie) == relatie && relatie != 0) return;
        throw new GeenToegangException(waarom ?? $"Als {Betrokkenen.Naam(relatie)} mag {context.GetCaller().Organisatie} dit niet; dat mag: {(beleid is null ? "niemand" : Betrokkenen.Naam(beleid.Wie))}.");
    }

    /// <summary>What the caller is to data of GI <paramref name="eigen"/> (and, if any, the receiving GIs of an open handover).</summary>
    public static Betrokkene TotGi(Organisatie caller, string? eigen, Func<string, bool>? ontvangt = null)
    {
        if (caller.Soort != OrganisatieSoort.Gi) return Betrokkenen.Mogelijk(caller);
        if (eigen is not null && caller.IsGi(eigen)) return Betrokkene.EigenGi;
        if (ontvangt is not null && ontvangt(caller.Code!)) return Betrokkene.OntvangendeGi;
        return Betrokkene.AndereGi;
    }

    /// <summary>What the caller is to data of the given jeugdregio's: a gemeente of one of them, or of another.</summary>
    public static Betrokkene TotRegio(Organisatie caller, IEnumerable<string> regios)
    {
        if (caller.Soort != OrganisatieSoort.Gemeente) return Betrokkenen.Mogelijk(caller);
        return regios.Any(r => Contracts.Gemeenten.HoortBij(caller.Code!, r)) ? Betrokkene.GemeenteVanDeRegio : Betrokkene.AndereGemeente;
    }

    /// <summary>For data of a GI in jeugdregio's: its GI relation for GIs, its region relation for gemeenten.</summary>
    public static Betrokkene Tot(Organisatie caller, string? eigenGi, IEnumerable<string> regios) =>
        caller.Soort == OrganisatieSoort.Gemeente ? TotRegio(caller, regios) : TotGi(caller, eigenGi);
}
