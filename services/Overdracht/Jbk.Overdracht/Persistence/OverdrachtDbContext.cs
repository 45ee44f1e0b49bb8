using Jbk.BuildingBlocks.Persistence;
using Jbk.Overdracht.Domain;
using Microsoft.EntityFrameworkCore;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Persistence;

public sealed class OverdrachtDbContext(DbContextOptions<OverdrachtDbContext> options) : JbkDbContext(options)
{
    public DbSet<MaatregelStand> MaatregelStanden => Set<MaatregelStand>();
    public DbSet<OverdrachtProces> Overdrachten => Set<OverdrachtProces>();
    public DbSet<DossierDocument> Documenten => Set<DossierDocument>();
    public DbSet<DossierLogregel> DossierLog => Set<DossierLogregel>();


    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MaatregelStand>(e =>
        {
            e.ToTable("maatregel_standen");
            e.HasKey(m => m.MaatregelId);
            e.HasIndex(m => m.VerantwoordelijkeGi);
            e.HasIndex(m => m.GezinId);
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.VerantwoordelijkeGi).HasMaxLength(20);
            e.Property(m => m.Regio).HasMaxLength(60);
        });
        modelBuilder.Entity<OverdrachtProces>(e =>
        {
            e.ToTable("overdrachten");
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.VerzendendeGi);
            e.HasIndex(o => o.OntvangendeGi);
            e.HasIndex(o => o.Status);
            e.Property(o => o.Versie).IsConcurrencyToken();
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(o => o.VerzendendeGi).HasMaxLength(20);
            e.Property(o => o.OntvangendeGi).HasMaxLength(20);
            e.Property(o => o.Zaaknummer).HasMaxLength(100);
            e.Property(o => o.RedenGezinSplitsen).HasMaxLength(1000);
            e.Property(o => o.RedenGeenWarmeOverdracht).HasMaxLength(1000);
            e.Ignore(o => o.IsAfgesloten);
            e.Ignore(o => o.VraagtRechter);
            e.OwnsMany(o => o.Maatregelen, o => { o.ToTable("overdracht_maatregelen"); o.MetEigenSleutel("OverdrachtId"); o.Property(m => m.Type).HasConversion<string>().HasMaxLength(40); });
            e.OwnsMany(o => o.Historie, o => { o.ToTable("overdracht_historie"); o.MetEigenSleutel("OverdrachtId"); o.Property(s => s.Wat).HasMaxLength(100); });
            e.OwnsMany(o => o.Controles, o => { o.ToTable("overdracht_controles"); o.MetEigenSleutel("OverdrachtId"); o.Property(c => c.Regel).HasMaxLength(60); });
            e.OwnsMany(o => o.TermijnEigenaars, o => { o.ToTable("overdracht_termijneigenaars"); o.MetEigenSleutel("OverdrachtId"); });
        });
        modelBuilder.Entity<DossierDocument>(e =>
        {
            e.ToTable("dossier_documenten");
            e.HasKey(d => d.Id);
            e.HasIndex(d => d.OverdrachtId);
            e.Property(d => d.Soort).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.AuteurOrganisatie).HasMaxLength(60);
            e.Property(d => d.Checksum).HasMaxLength(64);
        });
        modelBuilder.Entity<DossierLogregel>(e =>
        {
            e.ToTable("dossier_log");
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.OverdrachtId);
            e.Property(l => l.Handeling).HasMaxLength(60);
            e.Property(l => l.Organisatie).HasMaxLength(60);
            e.Property(l => l.Gebruiker).HasMaxLength(100);
            e.Property(l => l.Namens).HasMaxLength(60);
        });
    }
}
