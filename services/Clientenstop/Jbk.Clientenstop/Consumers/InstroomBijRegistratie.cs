using Jbk.BuildingBlocks.Persistence;
using Jbk.Clientenstop.Domain;
using Jbk.Clientenstop.Persistence;
using Jbk.Contracts.Events;

namespace Jbk.Clientenstop.Consumers;

/// <summary>Counts a newly registered measure in the inflow of its region and week.</summary>
public sealed class InstroomBijRegistratie(ClientenstopDbContext db)
    : IdempotentConsumer<MaatregelGeregistreerd, ClientenstopDbContext>(db)
{
    protected override async Task HandleAsync(MaatregelGeregistreerd e, CancellationToken cancellationToken)
    {
        if (await Db.Instroom.FindAsync([e.MaatregelId], cancellationToken) is not null) return;
        Db.Instroom.Add(new Instroom
        {
            MaatregelId = e.MaatregelId, GiCode = e.GiCode, Type = e.Type, Regio = e.Regio, Week = Instroom.IsoWeek(e.Startdatum),
        });
    }
}
