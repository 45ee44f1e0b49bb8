using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.BuildingBlocks.Audit;

/// <summary>
/// The two access-log RPCs every service with a log offers (LeesToegangslog, ControleerToegangslog), answered from the
/// log of the gRPC service that is called: an organisation reads its own entries, the privacy officer all; the operator and the privacy officer check the chain.
/// </summary>
public static class ToegangslogRpc
{
    /// <summary>Every organisation of the chain reads its own entries; the privacy officer reads all of them.</summary>
    public const Betrokkene Lezers = Betrokkene.Ketenpartners | Betrokkene.Privacyfunctionaris;

    /// <summary>Whether the chain is intact says nothing about persons.</summary>
    public const Betrokkene Controleurs = Betrokkene.Operator | Betrokkene.Privacyfunctionaris;

    public static async Task<IEnumerable<Common.V1.Toegangsregel>> LeesAsync(ServerCallContext context, long voorVolgorde, int aantal)
    {
        var caller = context.GetCaller();
        if (aantal is < 0 or > 1000) throw new OngeldigeInvoerException("aantal", "aantal ligt tussen 1 en 1000 (0: 100).");
        if (voorVolgorde < 0) throw new OngeldigeInvoerException("voor_volgorde", "voor_volgorde kan niet negatief zijn.");
        var van = caller.Organisatie.Soort == OrganisatieSoort.Privacyfunctionaris ? null : caller.Organisatie.ToString();
        var regels = await Log(context).LeesAsync(van, voorVolgorde, aantal == 0 ? 100 : aantal, context.CancellationToken);
        return regels.Select(Proto);
    }

    public static async Task<Common.V1.Ketencontrole> ControleerAsync(ServerCallContext context)
    {
        var u = await Log(context).ControleerAsync(context.CancellationToken);
        return new() { Intact = u.Intact, AantalRegels = u.Aantal, Volgorde = u.Volgorde ?? 0, Reden = u.Reden ?? "" };
    }

    private static IToegangslog Log(ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetRequiredKeyedService<IToegangslog>(context.Method.Trim('/').Split('/')[0]);

    private static Common.V1.Toegangsregel Proto(Toegangsregel r) => new()
    {
        Volgorde = r.Volgorde, Op = Timestamp.FromDateTime(DateTime.SpecifyKind(r.OpUtc, DateTimeKind.Utc)), Organisatie = r.Organisatie,
        Gebruiker = r.Gebruiker, Namens = r.Namens ?? "", Handeling = r.Handeling, Uitkomst = r.Uitkomst, Betrokkenen = { r.Betrokkenen }, Hash = r.Hash,
    };
}
