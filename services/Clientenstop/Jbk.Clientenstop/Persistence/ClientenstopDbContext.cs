using Jbk.BuildingBlocks.Persistence;
using Jbk.Clientenstop.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Clientenstop.Persistence;

public sealed class ClientenstopDbContext(DbContextOptions<ClientenstopDbContext> options) : JbkDbContext(options)
{
    public DbSet<Instroom> Instroom => Set<Instroom>();
    public DbSet<Stop> Stops => Set<Stop>();
    public DbSet<Notificatie> Notificaties => Set<Notificatie>();

    /// <summary>Queues the parties' notification of a step, to be sent once this context's changes are committed.</summary>
    public void Informeer(Stop stop, string gebeurtenis, DateTime nuUtc) => Notificaties.Add(Notificatie.Over(stop, gebeurtenis, nuUtc));


    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Instroom>(e =>
        {
            e.ToTable("instroom");
            e.HasKey(m => m.MaatregelId);
            e.HasIndex(m => new { m.Regio, m.Week });
            e.Property(m => m.GiCode).HasMaxLength(20);
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Regio).HasMaxLength(60);
            e.Property(m => m.Week).HasMaxLength(8);
        });
        modelBuilder.Entity<Notificatie>(e =>
        {
            e.ToTable("notificaties");
            // The order of writing is the key (SQLite numbers only its key by itself): sent in that order.
            e.HasKey(n => n.Volgorde);
            e.Property(n => n.Volgorde).ValueGeneratedOnAdd();
            e.HasIndex(n => n.Id).IsUnique();
            e.HasIndex(n => n.VerzondenOpUtc);
            e.Property(n => n.GiCode).HasMaxLength(20);
            e.Property(n => n.Gebeurtenis).HasMaxLength(100);
            e.Property(n => n.Status).HasMaxLength(20);
            e.Property(n => n.LaatsteFout).HasMaxLength(500);
        });
        modelBuilder.Entity<Stop>(e =>
        {
            e.ToTable("stops");
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.GiCode, s.Status });
            e.Property(s => s.Versie).IsConcurrencyToken();
            e.Property(s => s.GiCode).HasMaxLength(20);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Reden).HasMaxLength(2000);
            e.OwnsMany(s => s.Oordelen, o => { o.ToTable("stop_oordelen"); o.MetEigenSleutel("StopId"); o.Property(x => x.Organisatie).HasMaxLength(60); });
            e.Ignore(s => s.Verloop);
            e.OwnsMany(s => s.Historie, o => { o.ToTable("stop_historie"); o.MetEigenSleutel("StopId"); o.Property(x => x.Wat).HasMaxLength(60); });
        });
    }
}
