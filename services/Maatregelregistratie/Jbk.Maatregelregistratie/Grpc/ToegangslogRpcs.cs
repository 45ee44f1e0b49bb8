using Grpc.Core;
using Jbk.BuildingBlocks.Audit;
using Jbk.Maatregelen.V1;

namespace Jbk.Maatregelregistratie.Grpc;

/// <summary>The service's access log (NEN 7513): an organisation reads its own entries; the operator checks the chain.</summary>
public sealed partial class MaatregelGrpcService
{
    public override async Task<LeesToegangslogResponse> LeesToegangslog(LeesToegangslogRequest request, ServerCallContext context) =>
        new() { Regels = { await ToegangslogRpc.LeesAsync(context, request.VoorVolgorde, request.Aantal) } };

    public override async Task<ControleerToegangslogResponse> ControleerToegangslog(ControleerToegangslogRequest request, ServerCallContext context) =>
        new() { Uitslag = await ToegangslogRpc.ControleerAsync(context) };
}
