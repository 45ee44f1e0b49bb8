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
}
