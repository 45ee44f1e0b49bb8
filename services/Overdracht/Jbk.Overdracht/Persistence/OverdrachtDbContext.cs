using Jbk.BuildingBlocks.Persistence;
using Jbk.Overdracht.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Overdracht.Persistence;

public sealed class OverdrachtDbContext(DbContextOptions<OverdrachtDbContext> options) : JbkDbContext(options)
{
    public DbSet<MaatregelStand> MaatregelStanden => Set<MaatregelStand>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MaatregelStand>(e =>
        {
            e.ToTable("maatregel_standen");
            e.HasKey(m => m.MaatregelId);
            e.HasIndex(m => m.VerantwoordelijkeGi);
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.VerantwoordelijkeGi).HasMaxLength(20);
            e.Property(m => m.Regio).HasMaxLength(60);
        });
    }
}
