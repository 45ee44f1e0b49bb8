using Jbk.BuildingBlocks.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// The outbox of one service as operators need it: how many events wait to be published and how long the oldest has
/// waited. A backlog that ages means the bus or the relay is stuck and other services do not hear of changes.
/// </summary>
public sealed class OutboxStand<TContext>(string dienst) : IStandbron where TContext : JbkDbContext
{
    public const string Onverzonden = "jbk.outbox.onverzonden";
    public const string OudsteSeconden = "jbk.outbox.oudste.seconden";

    public string Dienst => dienst;

    public IReadOnlyList<Standmaat> Maten { get; } =
    [
        new(Onverzonden, "Gebeurtenissen in de outbox die nog niet op de bus staan", "dienst"),
        new(OudsteSeconden, "Seconden dat de oudste onverzonden gebeurtenis wacht (0 als er geen wacht)", "dienst"),
    ];

    public async Task<IReadOnlyList<Standwaarde>> MeetAsync(IServiceProvider diensten, CancellationToken ct)
    {
        var db = diensten.GetRequiredService<TContext>();
        var wachtend = db.Outbox.AsNoTracking().Where(m => m.PublishedAtUtc == null);
        var aantal = await wachtend.CountAsync(ct);
        var oudste = await wachtend.OrderBy(m => m.Sequence).Select(m => (DateTime?)m.CreatedAtUtc).FirstOrDefaultAsync(ct);
        var leeftijd = oudste is { } t ? Math.Max(0, (DateTime.UtcNow - t).TotalSeconds) : 0;
        return [Standwaarde.Van(Onverzonden, aantal, ("dienst", dienst)), Standwaarde.Van(OudsteSeconden, leeftijd, ("dienst", dienst))];
    }
}
