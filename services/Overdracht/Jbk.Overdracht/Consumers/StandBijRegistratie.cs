using Jbk.BuildingBlocks.Persistence;
using Jbk.Contracts.Events;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Overdracht.Consumers;

/// <summary>Records newly registered measures and their responsible GI (taken in batches).</summary>
public sealed class StandBijRegistratie(OverdrachtDbContext db)
    : IdempotentBatchConsumer<MaatregelGeregistreerd, OverdrachtDbContext>(db)
{
    protected override async Task HandleAsync(IReadOnlyList<MaatregelGeregistreerd> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.MaatregelId).ToList();
        var standen = await Db.MaatregelStanden.Where(s => ids.Contains(s.MaatregelId)).ToDictionaryAsync(s => s.MaatregelId, cancellationToken);
        foreach (var e in events)
        {
            if (standen.TryGetValue(e.MaatregelId, out var eerder))
            {
                // A later event overtook this one and made the row; add what only this event knows.
                eerder.JeugdigeId = e.JeugdigeId;
                eerder.GezinId = e.GezinId;
                eerder.Einddatum ??= e.Einddatum;
                continue;
            }
            var stand = new MaatregelStand
            {
                MaatregelId = e.MaatregelId, Type = e.Type, VerantwoordelijkeGi = e.GiCode, Regio = e.Regio, Einddatum = e.Einddatum,
                GiSindsUtc = e.Startdatum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), JeugdigeId = e.JeugdigeId, GezinId = e.GezinId,
            };
            standen.Add(e.MaatregelId, stand);
            Db.MaatregelStanden.Add(stand);
        }
    }
}
