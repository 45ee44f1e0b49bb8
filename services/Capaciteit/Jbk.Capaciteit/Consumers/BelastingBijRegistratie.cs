using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Capaciteit.Consumers;

/// <summary>A registered measure adds one to its GI's load (registrations come in floods: taken in batches).</summary>
public sealed class BelastingBijRegistratie(CapaciteitDbContext db)
    : IdempotentBatchConsumer<MaatregelGeregistreerd, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(IReadOnlyList<MaatregelGeregistreerd> events, CancellationToken cancellationToken)
    {
        // The row's key is the measure: even without the inbox a measure is counted once. A row made by a later
        // event that overtook this one already holds the newer state.
        var ids = events.Select(e => e.MaatregelId).ToList();
        var geteld = await Db.LopendeMaatregelen.AsNoTracking().Where(m => ids.Contains(m.MaatregelId))
            .Select(m => m.MaatregelId).ToHashSetAsync(cancellationToken);
        foreach (var e in events.Where(e => geteld.Add(e.MaatregelId)))
            Db.LopendeMaatregelen.Add(new LopendeMaatregel
            {
                MaatregelId = e.MaatregelId, GiCode = e.GiCode, Type = e.Type, Regio = e.Regio,
                GiSindsUtc = e.Startdatum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            });
    }
}
