using Grpc.Core;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.BuildingBlocks.Errors;
using Jbk.Clientenstop.Persistence;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.Domain;
using Jbk.Clientenstop.Processen;

namespace Jbk.Clientenstop.Grpc;

/// <summary>Aggregate inflow figures only, so every authenticated organisation may ask.</summary>
public sealed partial class ClientenstopGrpcService(
    ClientenstopDbContext db, [FromKeyedServices(ClientenstopModule.DienstNaam)] CapaciteitService.CapaciteitServiceClient capaciteit,
    TimeProvider klok, IOptions<StopBewakingOpties> opties) : ClientenstopService.ClientenstopServiceBase
{
    [Mag(Betrokkene.Ketenpartners, "aantallen zonder persoonsgegevens")]
    public override async Task<GeefInstroomResponse> GeefInstroom(GeefInstroomRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Regio))
            throw new OngeldigeInvoerException("regio", "Noem de regio waarvan u de instroom wilt zien.");
        var regio = request.Regio.Trim().ToLowerInvariant();
        var query = db.Instroom.AsNoTracking().Where(i => i.Regio == regio);
        if (request.Type != Common.V1.MaatregelType.Unspecified)
        {
            var type = MaatregelTypeMapping.FromProto(request.Type)
                ?? throw new OngeldigeInvoerException("type", $"Onbekend type maatregel {(int)request.Type}.");
            query = query.Where(i => i.Type == type);
        }
        var weken = await query.GroupBy(i => new { i.Week, i.Type, i.GiCode })
            .Select(g => new { g.Key.Week, g.Key.Type, g.Key.GiCode, Aantal = g.Count() })
            .ToListAsync(context.CancellationToken);
        var response = new GeefInstroomResponse();
        response.Weken.AddRange(weken.OrderBy(w => w.Week).ThenBy(w => w.Type).ThenBy(w => w.GiCode)
            .Select(w => new InstroomPerWeek { Week = w.Week, Type = w.Type.ToProto(), GiCode = w.GiCode, Aantal = w.Aantal }));
        return response;
    }
}
