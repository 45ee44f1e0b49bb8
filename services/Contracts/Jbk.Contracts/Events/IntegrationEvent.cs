using System.Text.Json.Serialization;

namespace Jbk.Contracts.Events;

/// <summary>
/// A fact one service publishes for others. <see cref="EventId"/> is the idempotency key:
/// the same event delivered twice carries the same id, and consumers act on it once.
/// Events carry no personal data (no BSN, names or dossier content), only ids and codes.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
    public DateTime OccurredAtUtc { get; init; } = DateTime.UtcNow;

    /// <summary>
    /// The thing whose events must be published in the order they were written (a measure, a handover, a stop, a GI's
    /// certificate): the outbox relay publishes events of different things side by side, of one thing one after another.
    /// Not sent; every event names it.
    /// </summary>
    [JsonIgnore]
    public abstract string Volgorde { get; }
}
