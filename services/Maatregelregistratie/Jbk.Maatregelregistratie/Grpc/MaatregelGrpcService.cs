using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.Contracts.Events;
using Jbk.Maatregelen.V1;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Persistence;
using Microsoft.EntityFrameworkCore;
using MaatregelProto = Jbk.Maatregelen.V1.Maatregel;

namespace Jbk.Maatregelregistratie.Grpc;

public sealed class MaatregelGrpcService(MaatregelDbContext db, TimeProvider klok) : MaatregelService.MaatregelServiceBase
{
    public override async Task<RegistreerMaatregelResponse> RegistreerMaatregel(RegistreerMaatregelRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var invoer = MaatregelInvoer.Valideer(request.IdempotentieSleutel, MaatregelTypeMapping.FromProto(request.Type),
            request.GiCode, request.Regio, request.Startdatum.ToDateOnly(), request.Einddatum.ToDateOnly(), request.Einddatum is not null);
        Toegang.MagRegistreren(caller, invoer.GiCode);

        var bestaand = await db.Maatregelen.AsNoTracking()
            .SingleOrDefaultAsync(m => m.IdempotentieSleutel == invoer.IdempotentieSleutel, context.CancellationToken);
        if (bestaand is not null) return new() { Maatregel = ToProto(bestaand) };

        var maatregel = Domain.Maatregel.Nieuw(invoer, klok.GetUtcNow().UtcDateTime);
        db.Maatregelen.Add(maatregel);
        db.Publish(new MaatregelGeregistreerd(maatregel.Id, maatregel.Type, maatregel.VerantwoordelijkeGi, maatregel.Regio,
            maatregel.Startdatum, maatregel.Einddatum));
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key raced in from a retry: the first registration stands.
            db.ChangeTracker.Clear();
            bestaand = await db.Maatregelen.AsNoTracking()
                .SingleOrDefaultAsync(m => m.IdempotentieSleutel == invoer.IdempotentieSleutel, context.CancellationToken);
            if (bestaand is null) throw;
            return new() { Maatregel = ToProto(bestaand) };
        }
        return new() { Maatregel = ToProto(maatregel) };
    }

    public override async Task<GeefMaatregelResponse> GeefMaatregel(GeefMaatregelRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!Guid.TryParse(request.MaatregelId, out var id))
            throw new OngeldigeInvoerException("maatregel_id", $"'{request.MaatregelId}' is geen geldig maatregel-id.");
        var maatregel = await db.Maatregelen.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, context.CancellationToken)
            ?? throw new NietGevondenException("maatregel", request.MaatregelId);
        Toegang.MagLezen(caller, maatregel);
        return new() { Maatregel = ToProto(maatregel) };
    }

    private static MaatregelProto ToProto(Domain.Maatregel m)
    {
        var proto = new MaatregelProto
        {
            Id = m.Id.ToString(),
            Type = m.Type.ToProto(),
            VerantwoordelijkeGi = m.VerantwoordelijkeGi,
            Regio = m.Regio,
            Startdatum = m.Startdatum.ToProto(),
        };
        if (m.Einddatum is { } eind) proto.Einddatum = eind.ToProto();
        return proto;
    }
}
