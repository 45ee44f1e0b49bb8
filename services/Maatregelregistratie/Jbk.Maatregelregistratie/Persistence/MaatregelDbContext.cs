using Jbk.BuildingBlocks.Persistence;
using Jbk.Maatregelregistratie.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Maatregelregistratie.Persistence;

public sealed class MaatregelDbContext(DbContextOptions<MaatregelDbContext> options) : JbkDbContext(options)
{
    public DbSet<Maatregel> Maatregelen => Set<Maatregel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Maatregel>(e =>
        {
            e.ToTable("maatregelen");
            e.HasKey(m => m.Id);
            e.HasIndex(m => m.IdempotentieSleutel).IsUnique();
            e.HasIndex(m => m.VerantwoordelijkeGi);
            e.Property(m => m.IdempotentieSleutel).HasMaxLength(200);
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.VerantwoordelijkeGi).HasMaxLength(20);
            e.Property(m => m.Regio).HasMaxLength(60);
        });
    }
}
