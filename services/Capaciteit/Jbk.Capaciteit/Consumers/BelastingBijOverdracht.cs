using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Capaciteit.Consumers;

/// <summary>A handover moves the measure from the sending GI's load to the receiving GI's, without a vaste jeugdbeschermer unless the receiver's was assigned already.</summary>
public sealed class BelastingBijOverdracht(CapaciteitDbContext db)
    : IdempotentConsumer<VerantwoordelijkheidOvergedragen, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(VerantwoordelijkheidOvergedragen e, CancellationToken cancellationToken)
    {
        // In the same transaction as the load: the place held for this measure becomes the place it takes.
        var reservering = await Db.Reserveringen.FirstOrDefaultAsync(r => r.OverdrachtId == e.OverdrachtId && r.GiCode == e.NaarGi
            && r.Type == e.Type && r.Status == ReserveringStatus.Actief, cancellationToken);
        reservering?.TelOvergedragen();

        var rij = await Db.LopendeMaatregelen.FindAsync([e.MaatregelId], cancellationToken);
        if (rij is null)
        {
            Db.LopendeMaatregelen.Add(new LopendeMaatregel
            {
                MaatregelId = e.MaatregelId, GiCode = e.NaarGi, Type = e.Type, Regio = e.Regio, GiSindsUtc = e.OpUtc,
            });
            return;
        }
        if (e.OpUtc <= rij.GiSindsUtc) return; // an older handover overtaken by a newer one
        rij.GiCode = e.NaarGi;
        rij.GiSindsUtc = e.OpUtc;
    }
}
