using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Consumers;
using Jbk.Capaciteit.Persistence;
using Jbk.Contracts;
using Jbk.Contracts.Events;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>Outbox and inbox on a real SQLite file and MassTransit's in-memory test harness (the broker-outage case runs in the integration tests).</summary>
public sealed class OutboxAndInboxTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("jbk-outbox").FullName, "capaciteit.db");
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;
    /// <summary>Events whose publish the broker refuses (as when it goes away in the middle of a batch).</summary>
    private readonly HashSet<Guid> _geweigerd = [];

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton<OutboxSignal<CapaciteitDbContext>>()
            .AddSingleton<Wijzigingen<CapaciteitDbContext>>()
            .AddDbContext<CapaciteitDbContext>((sp, o) => o.UseSqlite($"Data Source={_file}").AddInterceptors(new OutboxSavedInterceptor<CapaciteitDbContext>(
                sp.GetRequiredService<OutboxSignal<CapaciteitDbContext>>(), sp.GetRequiredService<Wijzigingen<CapaciteitDbContext>>())))
            .AddMassTransitTestHarness(x =>
            {
                x.AddBatchConsumer<BelastingBijRegistratie>();
                x.AddConsumer<BelastingBijToewijzing>();
                x.AddConsumer<BelastingBijOverdracht>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigurePublish(p => p.UseExecute(c =>
                    {
                        lock (_geweigerd)
                            if (c is PublishContext<MaatregelVerlengd> v && _geweigerd.Contains(v.Message.EventId)) throw new InvalidOperationException("broker weigert");
                    }));
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(validateScopes: true);
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CapaciteitDbContext>().Database.EnsureCreatedAsync();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
    }

    private static MaatregelGeregistreerd Event() =>
        new(Guid.NewGuid(), MaatregelType.Ots, "JBN", "drenthe", new DateOnly(2025, 1, 1), null);

    private OutboxRelay<CapaciteitDbContext> Relay() => new("capaciteit", _services.GetRequiredService<IServiceScopeFactory>(), _harness.Bus,
        _services.GetRequiredService<OutboxSignal<CapaciteitDbContext>>(), new Jbk.BuildingBlocks.Processen.ProcesLeases(), NullLogger<OutboxRelay<CapaciteitDbContext>>.Instance);

    private async Task<T> WithDb<T>(Func<CapaciteitDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CapaciteitDbContext>());
    }

    [Fact]
    public async Task An_event_is_stored_with_the_state_change_and_published_once_with_its_event_id_as_message_id()
    {
        var @event = Event();
        await WithDb(db =>
        {
            db.LopendeMaatregelen.Add(new() { MaatregelId = @event.MaatregelId, GiCode = "JBN", Type = MaatregelType.Ots, Regio = "drenthe" });
            db.Publish(@event);
            return db.SaveChangesAsync();
        });
        Assert.Equal(1, await WithDb(db => db.Outbox.CountAsync(m => m.PublishedAtUtc == null)));

        var relay = Relay();
        Assert.Equal(1, await relay.PublishBatchAsync(CancellationToken.None));
        Assert.Equal(0, await relay.PublishBatchAsync(CancellationToken.None));

        Assert.True(await _harness.Published.Any<MaatregelGeregistreerd>(m =>
            m.Context.MessageId == @event.EventId && m.Context.Message.MaatregelId == @event.MaatregelId));
        Assert.Equal(0, await WithDb(db => db.Outbox.CountAsync(m => m.PublishedAtUtc == null)));
    }

    [Fact]
    public async Task Events_of_one_measure_go_out_in_their_order_and_a_failure_holds_back_only_that_measures_later_events()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        MaatregelVerlengd Verlengd(Guid id, int maand) => new(id, "JBN", null, new DateOnly(2026, maand, 1));
        // Written interleaved: a1 b1 a2 b2 a3; the broker refuses a2 once.
        MaatregelVerlengd[] geschreven = [Verlengd(a, 1), Verlengd(b, 1), Verlengd(a, 2), Verlengd(b, 2), Verlengd(a, 3)];
        await WithDb(db =>
        {
            foreach (var e in geschreven) db.Publish(e);
            return db.SaveChangesAsync();
        });
        lock (_geweigerd) _geweigerd.Add(geschreven[2].EventId);

        var relay = Relay();
        await Assert.ThrowsAsync<InvalidOperationException>(() => relay.PublishBatchAsync(CancellationToken.None));
        Guid[] Verstuurd() => _harness.Published.Select<MaatregelVerlengd>().Select(m => m.Context.MessageId!.Value).ToArray();
        Assert.Equal(new[] { geschreven[0].EventId, geschreven[1].EventId, geschreven[3].EventId }.Order(), Verstuurd().Order());
        // a3 waits behind a2: publishing it now would let a consumer see March before February.
        Assert.Equal(2, await WithDb(db => db.Outbox.CountAsync(m => m.PublishedAtUtc == null)));
        Assert.Equal(1, await WithDb(db => db.Outbox.CountAsync(m => m.LastError != null)));

        lock (_geweigerd) _geweigerd.Clear();
        Assert.Equal(2, await relay.PublishBatchAsync(CancellationToken.None));
        var vanA = _harness.Published.Select<MaatregelVerlengd>().Where(m => m.Context.Message.MaatregelId == a)
            .Select(m => m.Context.Message.NieuweEinddatum.Month).ToArray();
        Assert.Equal([1, 2, 3], vanA);
        Assert.Equal(0, await WithDb(db => db.Outbox.CountAsync(m => m.PublishedAtUtc == null)));
    }

    [Fact]
    public async Task Only_a_save_that_stores_events_wakes_the_relay_and_every_save_that_writes_counts_as_a_change()
    {
        var signaal = _services.GetRequiredService<OutboxSignal<CapaciteitDbContext>>();
        var wijzigingen = _services.GetRequiredService<Wijzigingen<CapaciteitDbContext>>();
        while (await signaal.WachtAsync(TimeSpan.Zero, CancellationToken.None)) { } // the set-up's saves
        var voor = wijzigingen.Generatie;

        // A consumed event: an inbox row and a state change, no new event.
        await WithDb(db =>
        {
            db.Inbox.Add(new InboxRecord { EventId = Guid.NewGuid(), Consumer = "test", HandledAtUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        Assert.False(await signaal.WachtAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(voor + 1, wijzigingen.Generatie);

        await WithDb(db =>
        {
            db.Publish(Event());
            return db.SaveChangesAsync();
        });
        Assert.True(await signaal.WachtAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(voor + 2, wijzigingen.Generatie);

        // The relay marking what it published writes, but wakes nobody (it would poll without pause).
        await Relay().PublishBatchAsync(CancellationToken.None);
        Assert.False(await signaal.WachtAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_state_change_that_is_rolled_back_leaves_no_event_behind()
    {
        await WithDb(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Publish(Event());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        Assert.Equal(0, await WithDb(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_batch_consumer_acts_once_on_each_event_whether_it_comes_again_in_the_same_batch_or_a_later_one()
    {
        var @event = Event();
        var anderen = Enumerable.Range(0, 20).Select(_ => Event()).ToList();

        // Published together, so the repeat can land in the same batch as the first delivery.
        await Task.WhenAll(anderen.Prepend(@event).Append(@event).Select(e => _harness.Bus.Publish(e)));
        await Eventually(async () => await _harness.Consumed.SelectAsync<MaatregelGeregistreerd>().Count() == 22);
        // Later on its own: the inbox knows it.
        await _harness.Bus.Publish(@event);
        await Eventually(async () => await _harness.Consumed.SelectAsync<MaatregelGeregistreerd>().Count() == 23);

        Assert.Empty(_harness.Consumed.Select<MaatregelGeregistreerd>(c => c.Exception is not null));
        Assert.Equal(1, await WithDb(db => db.LopendeMaatregelen.CountAsync(m => m.MaatregelId == @event.MaatregelId)));
        Assert.Equal(1, await WithDb(db => db.Inbox.CountAsync(r => r.EventId == @event.EventId)));
        var ids = anderen.Select(e => e.MaatregelId).ToList();
        Assert.Equal(20, await WithDb(db => db.LopendeMaatregelen.CountAsync(m => ids.Contains(m.MaatregelId))));
        // Taken in batches: events committed together share their inbox time.
        Assert.True(await WithDb(db => db.Inbox.Select(r => r.HandledAtUtc).Distinct().CountAsync()) < 21);
    }

    [Fact]
    public async Task The_receivers_vaste_jeugdbeschermer_counts_whether_the_assignment_or_the_handover_arrives_first()
    {
        var eerst = Event();
        var later = Event();
        await _harness.Bus.Publish(eerst);
        await _harness.Bus.Publish(later);
        await Eventually(async () => await WithDb(db => db.LopendeMaatregelen.CountAsync(m => m.MaatregelId == eerst.MaatregelId || m.MaatregelId == later.MaatregelId)) == 2);
        var op = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        async Task<bool> ZonderVaste(Guid id) => await WithDb(db => db.LopendeMaatregelen.Where(m => m.MaatregelId == id)
            .Select(m => m.VasteJeugdbeschermerBij == null || m.VasteJeugdbeschermerBij != m.GiCode).SingleAsync());

        // In order: the handover, then JBO's worker.
        await _harness.Bus.Publish(new VerantwoordelijkheidOvergedragen(eerst.MaatregelId, "JBN", "JBO", op, Guid.NewGuid(), MaatregelType.Ots, "drenthe"));
        await Eventually(async () => await WithDb(db => db.LopendeMaatregelen.AnyAsync(m => m.MaatregelId == eerst.MaatregelId && m.GiCode == "JBO")));
        Assert.True(await ZonderVaste(eerst.MaatregelId));
        await _harness.Bus.Publish(new JeugdbeschermerToegewezen(eerst.MaatregelId, "JBO", true, new DateOnly(2025, 3, 2)));
        await Eventually(async () => !await ZonderVaste(eerst.MaatregelId));

        // Out of order: JBO's worker is assigned before capaciteit hears of the handover.
        await _harness.Bus.Publish(new JeugdbeschermerToegewezen(later.MaatregelId, "JBO", true, new DateOnly(2025, 3, 2)));
        await Eventually(async () => await WithDb(db => db.LopendeMaatregelen.AnyAsync(m => m.MaatregelId == later.MaatregelId && m.VasteJeugdbeschermerBij == "JBO")));
        Assert.True(await ZonderVaste(later.MaatregelId)); // still JBN's case: JBN has no vaste jeugdbeschermer for it
        await _harness.Bus.Publish(new VerantwoordelijkheidOvergedragen(later.MaatregelId, "JBN", "JBO", op, Guid.NewGuid(), MaatregelType.Ots, "drenthe"));
        await Eventually(async () => await WithDb(db => db.LopendeMaatregelen.AnyAsync(m => m.MaatregelId == later.MaatregelId && m.GiCode == "JBO")));
        Assert.False(await ZonderVaste(later.MaatregelId));
    }

    [Fact]
    public async Task A_handovers_reservation_gives_way_to_load_place_by_place_as_its_measures_are_counted()
    {
        var overdracht = Guid.NewGuid();
        var reservering = new Jbk.Capaciteit.Domain.Reservering
        {
            Id = Guid.NewGuid(), IdempotentieSleutel = $"test:{overdracht}", GiCode = "JBO", Regio = "drenthe", Type = MaatregelType.Ots, Aantal = 2,
            Gewogen = 2.4m, VerlooptOpUtc = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), OverdrachtId = overdracht,
        };
        await WithDb(async db => { db.Reserveringen.Add(reservering); return await db.SaveChangesAsync(); });
        Assert.True(reservering.TeltOp(DateTime.UtcNow)); // long past its date, but the handover has not switched: it holds
        var (a, b) = (Event(), Event());
        await _harness.Bus.Publish(a);
        await _harness.Bus.Publish(b);
        await Eventually(async () => await WithDb(db => db.LopendeMaatregelen.CountAsync(m => m.MaatregelId == a.MaatregelId || m.MaatregelId == b.MaatregelId)) == 2);
        async Task<Jbk.Capaciteit.Domain.Reservering> Lees() => await WithDb(db => db.Reserveringen.AsNoTracking().SingleAsync(r => r.Id == reservering.Id));
        var op = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);

        await _harness.Bus.Publish(new VerantwoordelijkheidOvergedragen(a.MaatregelId, "JBN", "JBO", op, overdracht, MaatregelType.Ots, "drenthe"));
        await Eventually(async () => (await Lees()).Overgedragen == 1);
        Assert.Equal(1.2m, (await Lees()).Openstaand);
        Assert.Equal(Jbk.Capaciteit.Domain.ReserveringStatus.Actief, (await Lees()).Status);

        await _harness.Bus.Publish(new VerantwoordelijkheidOvergedragen(b.MaatregelId, "JBN", "JBO", op, overdracht, MaatregelType.Ots, "drenthe"));
        await Eventually(async () => (await Lees()).Status == Jbk.Capaciteit.Domain.ReserveringStatus.Omgezet);
        Assert.Equal(2, await WithDb(db => db.LopendeMaatregelen.CountAsync(m => (m.MaatregelId == a.MaatregelId || m.MaatregelId == b.MaatregelId) && m.GiCode == "JBO")));
        Assert.False((await Lees()).TeltOp(DateTime.UtcNow));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(50);
        Assert.True(await condition());
    }
}
