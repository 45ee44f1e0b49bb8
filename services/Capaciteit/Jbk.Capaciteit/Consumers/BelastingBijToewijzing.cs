using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts.Events;

namespace Jbk.Capaciteit.Consumers;

/// <summary>Keeps the count of measures without a vaste jeugdbeschermer current.</summary>
public sealed class BelastingBijToewijzing(CapaciteitDbContext db)
    : IdempotentConsumer<JeugdbeschermerToegewezen, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(JeugdbeschermerToegewezen e, CancellationToken cancellationToken)
    {
        // Only for the GI that holds the case now; an assignment of a GI that has since handed over is stale.
        if (await Db.LopendeMaatregelen.FindAsync([e.MaatregelId], cancellationToken) is { } rij && rij.GiCode == e.GiCode)
            rij.ZonderVasteJeugdbeschermer = !e.Vast;
    }
}
