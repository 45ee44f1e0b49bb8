using Grpc.Core;
using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Maatregelen.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Maatregelregistratie.Grpc;

/// <summary>The service's access log (NEN 7513): an organisation reads its own entries; the operator checks the chain.</summary>
public sealed partial class MaatregelGrpcService
{
    public override async Task<LeesToegangslogResponse> LeesToegangslog(LeesToegangslogRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (request.Aantal is < 0 or > 1000) throw new OngeldigeInvoerException("aantal", "aantal ligt tussen 1 en 1000 (0: 100).");
        if (request.VoorVolgorde < 0) throw new OngeldigeInvoerException("voor_volgorde", "voor_volgorde kan niet negatief zijn.");
        var log = context.GetHttpContext().RequestServices.GetRequiredService<Toegangslog<Jbk.Maatregelregistratie.Persistence.MaatregelDbContext>>();
        var regels = await log.LeesAsync(caller.Organisatie.ToString(), request.VoorVolgorde, request.Aantal == 0 ? 100 : request.Aantal, context.CancellationToken);
        return new() { Regels = { regels.Select(Toegangslog<Jbk.Maatregelregistratie.Persistence.MaatregelDbContext>.Proto) } };
    }

    public override async Task<ControleerToegangslogResponse> ControleerToegangslog(ControleerToegangslogRequest request, ServerCallContext context)
    {
        if (context.GetCaller().Organisatie != Organisatie.Operator)
            throw new GeenToegangException("Alleen de beheerder controleert de keten van het toegangslog.");
        var log = context.GetHttpContext().RequestServices.GetRequiredService<Toegangslog<Jbk.Maatregelregistratie.Persistence.MaatregelDbContext>>();
        return new() { Uitslag = Toegangslog<Jbk.Maatregelregistratie.Persistence.MaatregelDbContext>.Proto(await log.ControleerAsync(context.CancellationToken)) };
    }
}
