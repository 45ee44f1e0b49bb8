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

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddDbContext<CapaciteitDbContext>(o => o.UseSqlite($"Data Source={_file}"))
            .AddSingleton<OutboxSignal<CapaciteitDbContext>>()
            .AddMassTransitTestHarness(x => x.AddConsumer<BelastingBijRegistratie>())
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
    public async Task A_consumer_that_gets_the_same_event_twice_acts_once()
    {
        var @event = Event();

        await _harness.Bus.Publish(@event);
        await _harness.Bus.Publish(@event);

        var consumer = _harness.GetConsumerHarness<BelastingBijRegistratie>();
        await Eventually(async () => await consumer.Consumed.SelectAsync<MaatregelGeregistreerd>().Count() == 2);
        Assert.Equal(1, await WithDb(db => db.LopendeMaatregelen.CountAsync(m => m.MaatregelId == @event.MaatregelId)));
        Assert.Equal(1, await WithDb(db => db.Inbox.CountAsync(r => r.EventId == @event.EventId)));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(50);
        Assert.True(await condition());
    }
}
