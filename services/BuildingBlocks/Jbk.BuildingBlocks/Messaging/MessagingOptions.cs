namespace Jbk.BuildingBlocks.Messaging;

public enum Transport { InMemory, RabbitMq }

/// <summary>Configuration section <c>Jbk:Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public Transport Transport { get; set; } = Transport.InMemory;

    /// <summary>AMQP URI of the RabbitMQ broker, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public string? RabbitMq { get; set; }
}
