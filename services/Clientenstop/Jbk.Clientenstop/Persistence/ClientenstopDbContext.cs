using Jbk.BuildingBlocks.Persistence;
using Jbk.Clientenstop.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Clientenstop.Persistence;

public sealed class ClientenstopDbContext(DbContextOptions<ClientenstopDbContext> options) : JbkDbContext(options)
{
    public DbSet<Instroom> Instroom => Set<Instroom>();

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
    }
}
