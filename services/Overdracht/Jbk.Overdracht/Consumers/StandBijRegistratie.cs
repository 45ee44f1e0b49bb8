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
        if (await Db.MaatregelStanden.FindAsync([e.MaatregelId], cancellationToken) is not null) return;
        Db.MaatregelStanden.Add(new MaatregelStand
        {
            MaatregelId = e.MaatregelId, Type = e.Type, VerantwoordelijkeGi = e.GiCode, Regio = e.Regio, Einddatum = e.Einddatum,
        });
    }
}
