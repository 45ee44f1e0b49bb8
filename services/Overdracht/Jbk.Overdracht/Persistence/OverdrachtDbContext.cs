using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Persistence;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Scenarios;
using Microsoft.EntityFrameworkCore;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Persistence;

public sealed class OverdrachtDbContext(DbContextOptions<OverdrachtDbContext> options) : JbkDbContext(options), IToegangslogContext
{
    public DbSet<Toegangsregel> Toegangslog => Set<Toegangsregel>();
    public DbSet<ToegangslogKop> ToegangslogKop => Set<ToegangslogKop>();
    public DbSet<MaatregelStand> MaatregelStanden => Set<MaatregelStand>();
    public DbSet<OverdrachtProces> Overdrachten => Set<OverdrachtProces>();
    public DbSet<DossierDocument> Documenten => Set<DossierDocument>();
    public DbSet<DossierLogregel> DossierLog => Set<DossierLogregel>();
    public DbSet<ScenarioUitvoering> Scenarios => Set<ScenarioUitvoering>();
    public DbSet<ScenarioPlaatsing> ScenarioPlaatsingen => Set<ScenarioPlaatsing>();


    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MaakToegangslog();
        modelBuilder.Entity<MaatregelStand>(e =>
        {
            e.ToTable("maatregel_standen");
            e.HasKey(m => m.MaatregelId);
            e.HasIndex(m => m.VerantwoordelijkeGi);
            e.HasIndex(m => m.GezinId);
            // A running scenario asks at every look which of its open measures ended: the ended ones are few, so it looks
            // them up among those alone instead of reading every measure's state (bench queryplannen).
            e.HasIndex(m => m.MaatregelId).HasFilter("NOT \"Lopend\"").HasDatabaseName("IX_maatregel_standen_geeindigd");
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
            e.Property(o => o.Vastgelopen).HasMaxLength(1000);
            e.Ignore(o => o.IsAfgesloten);
            e.Ignore(o => o.VraagtRechter);
            e.Ignore(o => o.Verloop);
            e.OwnsMany(o => o.Maatregelen, o =>
            {
                o.ToTable("overdracht_maatregelen");
                o.MetEigenSleutel("OverdrachtId");
                o.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
                // A measure's handovers are looked up by the measure (a new request, a vaste jeugdbeschermer assigned):
                // without it each lookup read through every handover's measures (bench queryplannen).
                o.HasIndex(m => m.MaatregelId);
            });
            e.OwnsMany(o => o.Historie, o => { o.ToTable("overdracht_historie"); o.MetEigenSleutel("OverdrachtId"); o.Property(s => s.Wat).HasMaxLength(100); });
            e.OwnsMany(o => o.Controles, o => { o.ToTable("overdracht_controles"); o.MetEigenSleutel("OverdrachtId"); o.Property(c => c.Regel).HasMaxLength(60); });
            e.OwnsMany(o => o.TermijnEigenaars, o => { o.ToTable("overdracht_termijneigenaars"); o.MetEigenSleutel("OverdrachtId"); });
        });
        modelBuilder.Entity<DossierDocument>(e =>
        {
            e.ToTable("dossier_documenten");
            e.HasKey(d => d.Id);
            e.HasIndex(d => d.OverdrachtId);
            // One copy of one document: a delivery repeated or raced stores nothing new.
            e.HasIndex(d => new { d.OverdrachtId, d.MaatregelId, d.Soort, d.Checksum }).IsUnique();
            e.Property(d => d.Soort).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.AuteurOrganisatie).HasMaxLength(60);
            e.Property(d => d.Checksum).HasMaxLength(64);
        });
        modelBuilder.Entity<ScenarioUitvoering>(e =>
        {
            e.ToTable("scenarios");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.Status);
            e.Property(s => s.Versie).IsConcurrencyToken();
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Planmethode).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.PlanToelichting).HasMaxLength(300);
            e.Property(s => s.VerzendendeGi).HasMaxLength(20);
            e.Property(s => s.AangemaaktDoor).HasMaxLength(100);
            e.Property(s => s.GoedgekeurdDoor).HasMaxLength(100);
            e.Ignore(s => s.Definitie);
        });
        modelBuilder.Entity<ScenarioPlaatsing>(e =>
        {
            e.ToTable("scenario_plaatsingen");
            e.HasKey(p => new { p.ScenarioId, p.MaatregelId });
            e.HasIndex(p => p.OverdrachtId);
            e.Property(p => p.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.VanGi).HasMaxLength(20);
            e.Property(p => p.Naar).HasMaxLength(20);
            e.Property(p => p.Regio).HasMaxLength(60);
            e.Property(p => p.JeugdbeschermerId).HasMaxLength(100);
            e.Ignore(p => p.IsOmgezet);
            e.Ignore(p => p.GeweigerdDoor);
            e.Ignore(p => p.VolgendeOverdrachtId);
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
