using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Persistence;
using Microsoft.Extensions.Options;

namespace Jbk.UnitTests.Capaciteit;

/// <summary>The availability figures in memory: read again after a change, on another day, and when they are too old.</summary>
public sealed class StandcacheTests
{
    private static readonly DateOnly Dag = new(2026, 11, 30);

    private sealed class Opties(TimeSpan leeftijd) : IOptionsMonitor<BeschikbaarheidOpties>
    {
        public BeschikbaarheidOpties CurrentValue { get; } = new() { MaximaleLeeftijd = leeftijd };
        public BeschikbaarheidOpties Get(string? name) => CurrentValue;
        public IDisposable? OnChange(Action<BeschikbaarheidOpties, string?> listener) => null;
    }

    [Fact]
    public async Task Figures_are_read_again_after_a_saved_change_on_another_day_and_when_too_old()
    {
        var wijzigingen = new Wijzigingen<CapaciteitDbContext>();
        var cache = new Standcache(wijzigingen, new Opties(TimeSpan.FromMinutes(5)));
        var gelezen = 0;
        Task<IReadOnlyList<GiStand>> Lees() { gelezen++; return Task.FromResult<IReadOnlyList<GiStand>>([]); }

        await cache.OpAsync(Dag, Lees);
        await cache.OpAsync(Dag, Lees);
        Assert.Equal(1, gelezen);

        wijzigingen.Tel();
        await cache.OpAsync(Dag, Lees);
        Assert.Equal(2, gelezen);

        await cache.OpAsync(Dag.AddDays(1), Lees);
        Assert.Equal(3, gelezen);

        var oud = new Standcache(wijzigingen, new Opties(TimeSpan.Zero));
        await oud.OpAsync(Dag, Lees);
        await oud.OpAsync(Dag, Lees);
        Assert.Equal(5, gelezen);
    }
}
