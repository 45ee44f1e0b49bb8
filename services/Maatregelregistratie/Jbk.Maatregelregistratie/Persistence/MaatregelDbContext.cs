using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Maatregelregistratie.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Maatregelregistratie.Persistence;

public sealed class MaatregelDbContext(DbContextOptions<MaatregelDbContext> options) : JbkDbContext(options), IToegangslogContext
{
    public DbSet<Toegangsregel> Toegangslog => Set<Toegangsregel>();
    public DbSet<ToegangslogKop> ToegangslogKop => Set<ToegangslogKop>();
    public DbSet<Maatregel> Maatregelen => Set<Maatregel>();
    public DbSet<Jeugdige> Jeugdigen => Set<Jeugdige>();
    public DbSet<GemeldeTermijn> GemeldeTermijnen => Set<GemeldeTermijn>();


    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MaakToegangslog();
        modelBuilder.Entity<Jeugdige>(e =>
        {
            e.ToTable("jeugdigen");
            e.HasKey(j => j.Id);
            e.HasIndex(j => j.Bsn).IsUnique();
            e.HasIndex(j => j.GezinId);
            e.Property(j => j.Bsn).HasMaxLength(9);
            e.Property(j => j.Naam).HasMaxLength(200);
            e.Property(j => j.Postcode).HasMaxLength(6);
            e.Property(j => j.Huisnummer).HasMaxLength(20);
            e.Property(j => j.Gemeente).HasMaxLength(10);
            e.Ignore(j => j.Wordt18);
        });
        modelBuilder.Entity<Maatregel>(e =>
        {
            e.ToTable("maatregelen");
            e.HasKey(m => m.Id);
            e.HasIndex(m => m.IdempotentieSleutel).IsUnique();
            e.HasIndex(m => new { m.VerantwoordelijkeGi, m.Status });
            e.HasIndex(m => m.JeugdigeId);
            e.HasIndex(m => m.GezinId);
            e.Property(m => m.IdempotentieSleutel).HasMaxLength(200);
            e.Property(m => m.Versie).IsConcurrencyToken();
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.VerantwoordelijkeGi).HasMaxLength(20);
            e.Property(m => m.Regio).HasMaxLength(60);
            e.Property(m => m.JrVariant).HasMaxLength(60);
            e.Property(m => m.Beeindigingsreden).HasMaxLength(500);
            e.Ignore(m => m.IsLopend);
            e.Ignore(m => m.HuidigeVerantwoordelijkheid);
            e.Ignore(m => m.HuidigeToewijzing);
            e.Ignore(m => m.HeeftVasteJeugdbeschermer);
            e.OwnsMany(m => m.Verantwoordelijkheden, o =>
            {
                o.ToTable("verantwoordelijkheden");
                o.MetEigenSleutel("MaatregelId");
                o.Property(v => v.GiCode).HasMaxLength(20);
                o.HasIndex(v => v.OverdrachtId);
            });
            e.OwnsMany(m => m.Beschikkingen, o =>
            {
                o.ToTable("beschikkingen");
                o.MetEigenSleutel("MaatregelId");
                o.Property(b => b.Soort).HasConversion<string>().HasMaxLength(20);
                o.Property(b => b.Rechtbank).HasMaxLength(200);
                o.Property(b => b.Zaaknummer).HasMaxLength(100);
            });
            e.OwnsMany(m => m.Toewijzingen, o =>
            {
                o.ToTable("toewijzingen");
                o.MetEigenSleutel("MaatregelId");
                o.Property(t => t.Soort).HasConversion<string>().HasMaxLength(10);
                o.Property(t => t.GiCode).HasMaxLength(20);
                o.Property(t => t.Wie).HasMaxLength(100);
            });
            e.OwnsMany(m => m.Inzagen, o =>
            {
                o.ToTable("inzagen");
                o.MetEigenSleutel("MaatregelId");
                o.Property(i => i.GiCode).HasMaxLength(20);
            });
            e.OwnsMany(m => m.Mijlpalen, o =>
            {
                o.ToTable("mijlpalen");
                o.MetEigenSleutel("MaatregelId");
                o.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
                o.Property(x => x.GiCode).HasMaxLength(20);
            });
        });
        modelBuilder.Entity<GemeldeTermijn>(e =>
        {
            e.ToTable("gemelde_termijnen");
            e.HasKey(t => new { t.MaatregelId, t.Soort, t.Uiterlijk });
            e.Property(t => t.Soort).HasMaxLength(40);
        });
    }
}

/// <summary>An overdue deadline already announced (TermijnVerstreken), so it is announced once.</summary>
public sealed class GemeldeTermijn
{
    public Guid MaatregelId { get; init; }
    public required string Soort { get; init; }
    public DateOnly Uiterlijk { get; init; }
}
