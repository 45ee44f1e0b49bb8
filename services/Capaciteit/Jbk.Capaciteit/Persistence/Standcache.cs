using System.Diagnostics;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Microsoft.Extensions.Options;

namespace Jbk.Capaciteit.Persistence;

/// <summary>How old the availability figures in memory may get before they are read again (writes of another replica).</summary>
public sealed class BeschikbaarheidOpties
{
    public TimeSpan MaximaleLeeftijd { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Today's figures of every GI, kept in memory for the RvdK's question, which is asked far more often than capaciteit
/// changes: read again when this process saved a change to capaciteit's records, on another day, and at the latest after
/// <see cref="BeschikbaarheidOpties.MaximaleLeeftijd"/> (a change saved by another replica). The database stays the
/// source of truth: a reservation is always judged on it, under its lock.
/// </summary>
public sealed class Standcache(Wijzigingen<CapaciteitDbContext> wijzigingen, IOptionsMonitor<BeschikbaarheidOpties> opties)
{
    private sealed record Opname(long Generatie, DateOnly Dag, long Tijdstip, IReadOnlyList<GiStand> Standen);

    private Opname? _laatste;

    public async Task<IReadOnlyList<GiStand>> OpAsync(DateOnly dag, Func<Task<IReadOnlyList<GiStand>>> lees)
    {
        // The generation is taken before reading: a change saved while reading makes the next question read again.
        var generatie = wijzigingen.Generatie;
        if (Volatile.Read(ref _laatste) is { } o && o.Generatie == generatie && o.Dag == dag
            && Stopwatch.GetElapsedTime(o.Tijdstip) < opties.CurrentValue.MaximaleLeeftijd)
            return o.Standen;
        var tijdstip = Stopwatch.GetTimestamp();
        var standen = await lees();
        Volatile.Write(ref _laatste, new Opname(generatie, dag, tijdstip, standen));
        return standen;
    }
}
