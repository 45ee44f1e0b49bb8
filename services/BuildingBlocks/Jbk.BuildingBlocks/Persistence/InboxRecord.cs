namespace Jbk.BuildingBlocks.Persistence;

/// <summary>An event a consumer has handled. Its key (event, consumer) makes a second delivery a no-op.</summary>
public sealed class InboxRecord
{
    public Guid EventId { get; set; }
    public required string Consumer { get; set; }
    public DateTime HandledAtUtc { get; set; }
}
