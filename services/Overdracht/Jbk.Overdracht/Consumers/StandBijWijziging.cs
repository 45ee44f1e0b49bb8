using Jbk.BuildingBlocks.Persistence;
using Jbk.Contracts.Events;
using Jbk.Overdracht.Persistence;

namespace Jbk.Overdracht.Consumers;

/// <summary>A handover done: the receiving GI is responsible from its instant on (a late, older event changes nothing).</summary>
public sealed class StandBijOverdracht(OverdrachtDbContext db)
    : IdempotentConsumer<VerantwoordelijkheidOvergedragen, OverdrachtDbContext>(db)
{
    protected override async Task HandleAsync(VerantwoordelijkheidOvergedragen e, CancellationToken cancellationToken)
    {
        var stand = await Db.MaatregelStanden.FindAsync([e.MaatregelId], cancellationToken);
        if (stand is null)
        {
            Db.MaatregelStanden.Add(new Domain.MaatregelStand
            {
                MaatregelId = e.MaatregelId, Type = e.Type, Regio = e.Regio, VerantwoordelijkeGi = e.NaarGi, GiSindsUtc = e.OpUtc,
            });
        }
        else if (e.OpUtc > stand.GiSindsUtc)
        {
            stand.VerantwoordelijkeGi = e.NaarGi;
            stand.GiSindsUtc = e.OpUtc;
        }
    }
}

/// <summary>An extension moves the end date a handover must respect.</summary>
public sealed class StandBijVerlenging(OverdrachtDbContext db)
    : IdempotentConsumer<MaatregelVerlengd, OverdrachtDbContext>(db)
{
    protected override async Task HandleAsync(MaatregelVerlengd e, CancellationToken cancellationToken)
    {
        if (await Db.MaatregelStanden.FindAsync([e.MaatregelId], cancellationToken) is { } stand
            && (stand.Einddatum is null || e.NieuweEinddatum > stand.Einddatum))
            stand.Einddatum = e.NieuweEinddatum;
    }
}

/// <summary>An ended measure is no longer handed over.</summary>
public sealed class StandBijBeeindiging(OverdrachtDbContext db)
    : IdempotentConsumer<MaatregelBeeindigd, OverdrachtDbContext>(db)
{
    protected override async Task HandleAsync(MaatregelBeeindigd e, CancellationToken cancellationToken)
    {
        if (await Db.MaatregelStanden.FindAsync([e.MaatregelId], cancellationToken) is { } stand) stand.Lopend = false;
    }
}
