namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// An integration event waiting to be published. Written in the same transaction as the state change
/// that caused it; the relay publishes it and stamps <see cref="PublishedAtUtc"/>.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Order of writing: the relay publishes in this order.</summary>
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public int Attempts { get; set; }
    /// <summary>
    /// The W3C trace context (traceparent) of the request that wrote the event, so that the publish and the
    /// consumers in other services continue that request's trace.
    /// </summary>
    public string? TraceParent { get; set; }
    /// <summary>The last publish failure, for operators (type and message of the exception, no payload).</summary>
    public string? LastError { get; set; }
}
