using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts.Events;

namespace Jbk.Capaciteit.Consumers;

/// <summary>A handover moves the measure from the sending GI's load to the receiving GI's, without a vaste jeugdbeschermer yet.</summary>
public sealed class BelastingBijOverdracht(CapaciteitDbContext db)
    : IdempotentConsumer<VerantwoordelijkheidOvergedragen, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(VerantwoordelijkheidOvergedragen e, CancellationToken cancellationToken)
    {
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
        rij.ZonderVasteJeugdbeschermer = true;
    }
}
