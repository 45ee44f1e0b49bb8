using Jbk.BuildingBlocks.Persistence;
using Jbk.Clientenstop.Domain;
using Jbk.Clientenstop.Persistence;
using Jbk.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Clientenstop.Consumers;

/// <summary>Counts newly registered measures in the inflow of their region and week (taken in batches).</summary>
public sealed class InstroomBijRegistratie(ClientenstopDbContext db)
    : IdempotentBatchConsumer<MaatregelGeregistreerd, ClientenstopDbContext>(db)
{
    protected override async Task HandleAsync(IReadOnlyList<MaatregelGeregistreerd> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.MaatregelId).ToList();
        var geteld = await Db.Instroom.AsNoTracking().Where(i => ids.Contains(i.MaatregelId))
            .Select(i => i.MaatregelId).ToHashSetAsync(cancellationToken);
        foreach (var e in events.Where(e => geteld.Add(e.MaatregelId)))
            Db.Instroom.Add(new Instroom
            {
                MaatregelId = e.MaatregelId, GiCode = e.GiCode, Type = e.Type, Regio = e.Regio, Week = Instroom.IsoWeek(e.Startdatum),
            });
    }
}
