using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts.Events;

namespace Jbk.Capaciteit.Consumers;

/// <summary>An ended measure no longer counts in its GI's load.</summary>
public sealed class BelastingBijBeeindiging(CapaciteitDbContext db)
    : IdempotentConsumer<MaatregelBeeindigd, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(MaatregelBeeindigd e, CancellationToken cancellationToken)
    {
        var rij = await Db.LopendeMaatregelen.FindAsync([e.MaatregelId], cancellationToken);
        if (rij is null)
            Db.LopendeMaatregelen.Add(new LopendeMaatregel { MaatregelId = e.MaatregelId, GiCode = e.GiCode, Type = e.Type, Regio = e.Regio, Lopend = false });
        else
            rij.Lopend = false;
    }
}
