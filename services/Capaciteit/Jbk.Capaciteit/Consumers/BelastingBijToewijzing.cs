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
        // Recorded whatever GI carries the case now: the handover that makes this GI responsible may arrive later.
        if (await Db.LopendeMaatregelen.FindAsync([e.MaatregelId], cancellationToken) is not { } rij) return;
        if (e.Vast) rij.VasteJeugdbeschermerBij = e.GiCode;
        else if (rij.VasteJeugdbeschermerBij == e.GiCode) rij.VasteJeugdbeschermerBij = null;
    }
}
