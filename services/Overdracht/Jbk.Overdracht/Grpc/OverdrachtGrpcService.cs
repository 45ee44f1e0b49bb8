using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.Overdracht.Persistence;
using Jbk.Overdracht.V1;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Overdracht.Grpc;

public sealed class OverdrachtGrpcService(OverdrachtDbContext db) : OverdrachtService.OverdrachtServiceBase
{
    public override async Task<GeefMaatregelStandResponse> GeefMaatregelStand(GeefMaatregelStandRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!Guid.TryParse(request.MaatregelId, out var id))
            throw new OngeldigeInvoerException("maatregel_id", $"'{request.MaatregelId}' is geen geldig maatregel-id.");
        var stand = await db.MaatregelStanden.AsNoTracking().SingleOrDefaultAsync(m => m.MaatregelId == id, context.CancellationToken)
            ?? throw new NietGevondenException("maatregel", request.MaatregelId,
                $"Overdracht kent maatregel '{request.MaatregelId}' (nog) niet.");
        if (caller.Organisatie.Soort == OrganisatieSoort.Gi && !caller.Organisatie.IsGi(stand.VerantwoordelijkeGi))
            throw new GeenToegangException($"GI {caller.Organisatie.Code} is niet verantwoordelijk voor deze maatregel.");
        return new GeefMaatregelStandResponse
        {
            MaatregelId = stand.MaatregelId.ToString(),
            Type = stand.Type.ToProto(),
            VerantwoordelijkeGi = stand.VerantwoordelijkeGi,
            Regio = stand.Regio,
        };
    }
}
