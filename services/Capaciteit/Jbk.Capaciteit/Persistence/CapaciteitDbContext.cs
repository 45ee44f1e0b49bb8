using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Capaciteit.Persistence;

public sealed class CapaciteitDbContext(DbContextOptions<CapaciteitDbContext> options) : JbkDbContext(options)
{
    public DbSet<Instelling> Instellingen => Set<Instelling>();
    public DbSet<LopendeMaatregel> LopendeMaatregelen => Set<LopendeMaatregel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Instelling>(e =>
        {
            e.ToTable("instellingen");
            e.HasKey(i => i.Code);
            e.Property(i => i.Code).HasMaxLength(20);
            e.Property(i => i.Naam).HasMaxLength(200);
            e.Property(i => i.Soort).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<LopendeMaatregel>(e =>
        {
            e.ToTable("lopende_maatregelen");
            e.HasKey(m => m.MaatregelId);
            e.HasIndex(m => new { m.GiCode, m.Type, m.Regio });
            e.Property(m => m.GiCode).HasMaxLength(20);
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Regio).HasMaxLength(60);
        });
    }
}
