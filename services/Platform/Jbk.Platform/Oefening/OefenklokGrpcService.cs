using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Oefening.V1;

namespace Jbk.Platform.Oefening;

/// <summary>Reads and moves the rehearsal clock. Everyone may read the time; only an operator moves it.</summary>
public sealed class OefenklokGrpcService(Oefenklok klok) : OefenklokService.OefenklokServiceBase
{
    [Mag(Betrokkene.Ketenpartners, "de tijd van de oefening")]
    public override Task<GeefKlokResponse> GeefKlok(GeefKlokRequest request, ServerCallContext context) =>
        Task.FromResult(new GeefKlokResponse { Nu = Timestamp.FromDateTimeOffset(klok.GetUtcNow()) });

    [Mag(Betrokkene.Operator, "de regie van de oefening")]
    public override Task<ZetKlokVooruitResponse> ZetKlokVooruit(ZetKlokVooruitRequest request, ServerCallContext context)
    {
        if (request.Dagen is < 1 or > 366) throw new OngeldigeInvoerException("dagen", "Zet de klok 1 tot 366 dagen vooruit.");
        return Task.FromResult(new ZetKlokVooruitResponse { Nu = Timestamp.FromDateTimeOffset(klok.ZetVooruit(TimeSpan.FromDays(request.Dagen))) });
    }
}
