using Grpc.Core;
using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Overdracht.V1;

namespace Jbk.Overdracht.Grpc;

/// <summary>The service's access log (NEN 7513): an organisation reads its own entries, the privacy officer all; the operator and the privacy officer check the chain.</summary>
public sealed partial class OverdrachtGrpcService
{
    [Mag(ToegangslogRpc.Lezers, "de eigen regels; de privacyfunctionaris alle")]
    public override async Task<LeesToegangslogResponse> LeesToegangslog(LeesToegangslogRequest request, ServerCallContext context) =>
        new() { Regels = { await ToegangslogRpc.LeesAsync(context, request.VoorVolgorde, request.Aantal) } };

    [Mag(ToegangslogRpc.Controleurs, "de keten zegt niets over personen")]
    public override async Task<ControleerToegangslogResponse> ControleerToegangslog(ControleerToegangslogRequest request, ServerCallContext context) =>
        new() { Uitslag = await ToegangslogRpc.ControleerAsync(context) };
}
