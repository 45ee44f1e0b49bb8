using System.Collections.Concurrent;
using Jbk.Contracts.Events;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// Listens on the broker to every integration event's exchange and counts how often each message id is published,
/// so a test can see whether two outbox relays published the same event.
/// </summary>
public sealed class PublicatieTap : IAsyncDisposable
{
    private readonly IConnection _verbinding;
    private readonly IChannel _kanaal;
    private readonly ConcurrentDictionary<string, int> _tellingen = new();

    private PublicatieTap(IConnection verbinding, IChannel kanaal) => (_verbinding, _kanaal) = (verbinding, kanaal);

    public static async Task<PublicatieTap> StartAsync(string amqp)
    {
        var verbinding = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        var kanaal = await verbinding.CreateChannelAsync();
        var tap = new PublicatieTap(verbinding, kanaal);
        var wachtrij = (await kanaal.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in typeof(IntegrationEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract))
        {
            // MassTransit's exchange per message type: namespace:name, fanout, durable.
            var exchange = $"{type.Namespace}:{type.Name}";
            await kanaal.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await kanaal.QueueBindAsync(wachtrij, exchange, "");
        }
        var consumer = new AsyncEventingBasicConsumer(kanaal);
        consumer.ReceivedAsync += (_, e) =>
        {
            if (e.BasicProperties.MessageId is { Length: > 0 } id) tap._tellingen.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        };
        await kanaal.BasicConsumeAsync(wachtrij, autoAck: true, consumer);
        return tap;
    }

    public int Gepubliceerd => _tellingen.Count;

    /// <summary>Message ids seen more than once, with how often.</summary>
    public IReadOnlyDictionary<string, int> Dubbel => _tellingen.Where(t => t.Value > 1).ToDictionary();

    public async ValueTask DisposeAsync()
    {
        await _kanaal.CloseAsync();
        await _verbinding.CloseAsync();
    }
}
