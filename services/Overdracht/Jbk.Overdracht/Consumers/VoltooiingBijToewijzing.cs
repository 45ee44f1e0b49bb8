using Jbk.BuildingBlocks.Persistence;
using Jbk.Contracts.Events;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;
using Jbk.Overdracht.Processen;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Overdracht.Consumers;

/// <summary>A handover is completed when the receiving GI has given every measure a vaste jeugdbeschermer.</summary>
public sealed class VoltooiingBijToewijzing(OverdrachtDbContext db, TimeProvider klok)
    : IdempotentConsumer<JeugdbeschermerToegewezen, OverdrachtDbContext>(db)
{
    protected override async Task HandleAsync(JeugdbeschermerToegewezen e, CancellationToken cancellationToken)
    {
        if (!e.Vast) return;
        // Only the receiver's running handovers of this measure, found by the database (not every running handover of the GI).
        var lopend = await Db.Overdrachten
            .Where(o => o.OntvangendeGi == e.GiCode && (o.Status == OverdrachtStatus.Omgezet || o.Status == OverdrachtStatus.Geaccepteerd)
                && o.Maatregelen.Any(m => m.MaatregelId == e.MaatregelId))
            .ToListAsync(cancellationToken);
        foreach (var o in lopend)
        {
            if (o.RegistreerVasteJeugdbeschermer(e.MaatregelId, e.GiCode))
            {
                o.Voltooi(OverdrachtVoortzetter.Dienst, klok.GetUtcNow().UtcDateTime);
                Db.Publish(OverdrachtEvents.Stap(o));
            }
            o.VerhoogVersie();
        }
    }
}
