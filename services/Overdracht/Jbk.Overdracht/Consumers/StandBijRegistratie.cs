using Jbk.BuildingBlocks.Persistence;
using Jbk.Contracts.Events;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;

namespace Jbk.Overdracht.Consumers;

/// <summary>Records a newly registered measure and its responsible GI.</summary>
public sealed class StandBijRegistratie(OverdrachtDbContext db)
    : IdempotentConsumer<MaatregelGeregistreerd, OverdrachtDbContext>(db)
{
    protected override async Task HandleAsync(MaatregelGeregistreerd e, CancellationToken cancellationToken)
    {
        if (await Db.MaatregelStanden.FindAsync([e.MaatregelId], cancellationToken) is { } eerder)
        {
            // A later event overtook this one and made the row; add what only this event knows.
            eerder.JeugdigeId = e.JeugdigeId;
            eerder.GezinId = e.GezinId;
            eerder.Einddatum ??= e.Einddatum;
            return;
        }
        Db.MaatregelStanden.Add(new MaatregelStand
        {
            MaatregelId = e.MaatregelId, Type = e.Type, VerantwoordelijkeGi = e.GiCode, Regio = e.Regio, Einddatum = e.Einddatum,
            GiSindsUtc = e.Startdatum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), JeugdigeId = e.JeugdigeId, GezinId = e.GezinId,
        });
    }
}
