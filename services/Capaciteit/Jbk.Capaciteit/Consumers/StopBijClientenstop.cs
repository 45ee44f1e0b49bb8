using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts.Events;

namespace Jbk.Capaciteit.Consumers;

/// <summary>An active cliëntenstop excludes its GI from the availability answer for the cases in scope.</summary>
public sealed class StopBijActivering(CapaciteitDbContext db) : IdempotentConsumer<ClientenstopGeactiveerd, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(ClientenstopGeactiveerd e, CancellationToken cancellationToken)
    {
        var stop = await Db.Stops.FindAsync([e.StopId], cancellationToken);
        if (stop is null) Db.Stops.Add(stop = new ActieveStop { StopId = e.StopId, GiCode = e.GiCode, Tot = e.Tot });
        stop.Regios = [.. e.Regios];
        stop.Types = [.. e.Types];
        stop.SpoedUitgezonderd = e.SpoedUitgezonderd;
        stop.JrUitgezonderd = e.JrUitgezonderd;
        stop.Van = e.Van;
    }
}

/// <summary>A lifted or extended stop: its end date is what counts (lifting early sets it to the day it was lifted).</summary>
public sealed class StopBijWijziging(CapaciteitDbContext db) : IdempotentConsumer<ClientenstopGewijzigd, CapaciteitDbContext>(db)
{
    protected override async Task HandleAsync(ClientenstopGewijzigd e, CancellationToken cancellationToken)
    {
        var stop = await Db.Stops.FindAsync([e.StopId], cancellationToken);
        if (stop is null) Db.Stops.Add(new ActieveStop { StopId = e.StopId, GiCode = e.GiCode, Van = e.Tot, Tot = e.Tot });
        else stop.Tot = e.Tot;
    }
}
