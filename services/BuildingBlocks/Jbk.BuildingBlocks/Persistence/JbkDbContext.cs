using System.Diagnostics;
using System.Text.Json;
using Jbk.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// The base of every service's DbContext: it owns the service's outbox and inbox tables, so that an
/// event is stored by the same SaveChanges (one transaction) as the state change that caused it.
/// </summary>
public abstract class JbkDbContext(DbContextOptions options) : DbContext(options)
{
    internal static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxRecord> Inbox => Set<InboxRecord>();

    /// <summary>Events queued since the last save that wrote: only such a save wakes the relay.</summary>
    internal int NieuweEvents { get; set; }

    /// <summary>A pooled context goes back to the pool on dispose: it starts its next scope without the count of this one.</summary>
    public override void Dispose()
    {
        NieuweEvents = 0;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        NieuweEvents = 0;
        return base.DisposeAsync();
    }

    /// <summary>Queues an event to be published once this context's changes are committed.</summary>
    public void Publish(IntegrationEvent @event)
    {
        NieuweEvents++;
        Outbox.Add(new OutboxMessage
        {
            EventId = @event.EventId,
            EventType = @event.GetType().FullName!,
            Payload = JsonSerializer.Serialize(@event, @event.GetType(), EventJson),
            CreatedAtUtc = DateTime.UtcNow,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null,
        });
    }

    /// <summary>Every DateTime is UTC; SQLite forgets the kind on the way back, so it is stated again on read.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(m => m.EventId).IsUnique();
            e.HasIndex(m => m.PublishedAtUtc);
            e.Property(m => m.EventType).HasMaxLength(300);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.Property(m => m.TraceParent).HasMaxLength(64);
        });
        modelBuilder.Entity<InboxRecord>(e =>
        {
            e.ToTable("inbox");
            e.HasKey(r => new { r.EventId, r.Consumer });
            e.Property(r => r.Consumer).HasMaxLength(200);
        });
    }
}
