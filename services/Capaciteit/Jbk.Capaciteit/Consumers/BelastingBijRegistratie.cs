using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts.Events;

namespace Jbk.Capaciteit.Consumers;

/// <summary>A registered measure adds one to its GI's load.</summary>
public sealed class BelastingBijRegistratie(CapaciteitDbContext db)
    : IdempotentConsumer<MaatregelGeregistreerd, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(MaatregelGeregistreerd e, CancellationToken cancellationToken)
    {
        // The row's key is the measure: even without the inbox a measure is counted once. A row made by a later
        // event that overtook this one already holds the newer state.
        if (await Db.LopendeMaatregelen.FindAsync([e.MaatregelId], cancellationToken) is not null) return;
        Db.LopendeMaatregelen.Add(new LopendeMaatregel
        {
            MaatregelId = e.MaatregelId, GiCode = e.GiCode, Type = e.Type, Regio = e.Regio,
            GiSindsUtc = e.Startdatum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        });
    }
}
