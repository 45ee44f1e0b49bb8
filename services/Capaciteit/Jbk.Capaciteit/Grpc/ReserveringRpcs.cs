using Grpc.Core;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.V1;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Jbk.Capaciteit.Grpc;

/// <summary>Reservations: held under a lock on the GI's staffing row, so two requests for the last place cannot both succeed.</summary>
public sealed partial class CapaciteitGrpcService
{
    [Mag(Betrokkene.DienstOverdracht, "alleen voor een overdracht")]
    public override async Task<ReserveerCapaciteitResponse> ReserveerCapaciteit(ReserveerCapaciteitRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (string.IsNullOrWhiteSpace(request.IdempotentieSleutel))
            throw new OngeldigeInvoerException("idempotentie_sleutel", "Geef een idempotentiesleutel mee, zodat een herhaalde aanvraag niet dubbel reserveert.");
        var gi = Velden.Gi(request.GiCode);
        var regio = Velden.Regio(request.Regio);
        var type = Velden.Type(request.Type);
        if (request.Aantal < 1) throw new OngeldigeInvoerException("aantal", "Reserveer ten minste één plaats.");
        var verloopt = request.VerlooptOp?.ToDateTime()
            ?? throw new OngeldigeInvoerException("verloopt_op", "Noem wanneer de reservering vervalt als de overdracht niet doorgaat.");
        if (verloopt <= klok.GetUtcNow().UtcDateTime) throw new OngeldigeInvoerException("verloopt_op", "De vervaldatum ligt in het verleden.");
        Guid? overdrachtId = string.IsNullOrWhiteSpace(request.OverdrachtId) ? null
            : Guid.TryParse(request.OverdrachtId, out var o) ? o : throw new OngeldigeInvoerException("overdracht_id", $"'{request.OverdrachtId}' is geen geldig overdracht-id.");

        var sleutel = request.IdempotentieSleutel.Trim();
        if (await Db.Reserveringen.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotentieSleutel == sleutel, ct) is { } eerder)
            return Zelfde(eerder) ? new() { ReserveringId = eerder.Id.ToString(), VrijNa = (double)await VrijAsync(gi, ct) }
                : throw SleutelHergebruikt.Voor("idempotentiesleutel", $"{eerder.Aantal} plaats(en) {eerder.Type} bij {eerder.GiCode} in {eerder.Regio}");
        bool Zelfde(Reservering r) => r.GiCode == gi && r.Regio == regio && r.Type == type && r.Aantal == request.Aantal && r.OverdrachtId == overdrachtId;

        // The lock and the check run in one transaction; the execution strategy retries the whole unit on a transient fault.
        try
        {
            return await Reserveer();
        }
        catch (DbUpdateException)
        {
            // The same key raced in from a retry: the first reservation stands.
            Db.ChangeTracker.Clear();
            var eerste = await Db.Reserveringen.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotentieSleutel == sleutel, ct);
            if (eerste is null) throw;
            if (!Zelfde(eerste)) throw SleutelHergebruikt.Voor("idempotentiesleutel", "een andere reservering");
            return new() { ReserveringId = eerste.Id.ToString(), VrijNa = (double)await VrijAsync(gi, ct) };
        }

        Task<ReserveerCapaciteitResponse> Reserveer() => Db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            Db.ChangeTracker.Clear();
            await using var transactie = await Db.Database.BeginTransactionAsync(ct);
            if (Db.Database.IsNpgsql())
                await Db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM bezettingen WHERE \"GiCode\" = {gi} FOR UPDATE", ct);

            var stand = (await Standen.OpAsync(Vandaag, ct)).Single(s => s.Gi.Code == gi);
            if (!stand.Certificaat.Toegestaan) throw new RegelGeschondenException(CapaciteitRegels.GeldigCertificaat, stand.Certificaat.Reden);
            var nodig = gewichten.Van(type) * request.Aantal;
            if (stand.Vrij < nodig)
                throw new RegelGeschondenException(CapaciteitRegels.NooitOverboeken,
                    $"{gi} heeft geen ruimte: vrij {stand.Vrij:0.#}, nodig {nodig:0.#} (capaciteit {stand.Capaciteit}, belasting {stand.GewogenBelasting:0.#}, gereserveerd {stand.Gereserveerd:0.#}).");
            var reservering = new Reservering
            {
                Id = Guid.NewGuid(), IdempotentieSleutel = sleutel, GiCode = gi, Regio = regio, Type = type, Aantal = request.Aantal,
                Gewogen = nodig, VerlooptOpUtc = verloopt, OverdrachtId = overdrachtId,
            };
            Db.Reserveringen.Add(reservering);
            await Db.SaveChangesAsync(ct);
            await transactie.CommitAsync(ct);
            return new ReserveerCapaciteitResponse { ReserveringId = reservering.Id.ToString(), VrijNa = (double)(stand.Vrij - nodig) };
        });
    }

    [Mag(Betrokkene.DienstOverdracht, "alleen voor een overdracht")]
    public override async Task<BeeindigReserveringResponse> BeeindigReservering(BeeindigReserveringRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ReserveringId, out var id))
            throw new OngeldigeInvoerException("reservering_id", $"'{request.ReserveringId}' is geen geldig reserverings-id.");
        var status = request.Uitkomst switch
        {
            ReserveringUitkomst.Vrijgegeven => ReserveringStatus.Vrijgegeven,
            ReserveringUitkomst.Omgezet => ReserveringStatus.Omgezet,
            _ => throw new OngeldigeInvoerException("uitkomst", "Zeg of de reservering vrijkomt of is omgezet."),
        };
        var reservering = await Db.Reserveringen.SingleOrDefaultAsync(r => r.Id == id, context.CancellationToken)
            ?? throw new NietGevondenException("reservering", request.ReserveringId);
        if (reservering.Status == status) return new(); // the same call again
        if (reservering.Status != ReserveringStatus.Actief)
            throw new RegelGeschondenException("ReserveringAfgerond", $"De reservering is al {reservering.Status.ToString().ToLowerInvariant()}.");
        reservering.Status = status;
        await Db.SaveChangesAsync(context.CancellationToken);
        return new();
    }

    private async Task<decimal> VrijAsync(string gi, CancellationToken ct) => (await Standen.OpAsync(Vandaag, ct)).Single(s => s.Gi.Code == gi).Vrij;
}
