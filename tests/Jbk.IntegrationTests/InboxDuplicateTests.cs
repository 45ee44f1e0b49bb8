using Jbk.Contracts;
using Jbk.Contracts.Events;
using Jbk.IntegrationTests.Infrastructure;
using MassTransit;

namespace Jbk.IntegrationTests;

/// <summary>Consumers act once on a message RabbitMQ delivers twice (a relay that crashed after publishing, a redelivery).</summary>
[Collection(DistributedCollection.Name)]
public sealed class InboxDuplicateTests(DistributedPlatform platform)
{
    [Fact]
    public async Task The_same_event_delivered_twice_is_counted_once()
    {
        var before = await platform.LoadAsync("JBG");
        var @event = new MaatregelGeregistreerd(Guid.NewGuid(), MaatregelType.Voogdij, "JBG", "gelderland", new DateOnly(2025, 5, 1), null);

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(TestEnvironment.RabbitMq)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(@event, ctx => ctx.MessageId = @event.EventId);
            await bus.Publish(@event, ctx => ctx.MessageId = @event.EventId);
        }
        finally
        {
            await bus.StopAsync();
        }

        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBG") == before + 1, "the event is counted");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(before + 1, await platform.LoadAsync("JBG"));
    }
}
