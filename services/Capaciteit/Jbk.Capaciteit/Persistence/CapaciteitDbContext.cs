using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Capaciteit.Persistence;

public sealed class CapaciteitDbContext(DbContextOptions<CapaciteitDbContext> options) : JbkDbContext(options)
{
    public DbSet<Instelling> Instellingen => Set<Instelling>();
    public DbSet<LopendeMaatregel> LopendeMaatregelen => Set<LopendeMaatregel>();
    public DbSet<Certificaat> Certificaten => Set<Certificaat>();
    public DbSet<Bezetting> Bezettingen => Set<Bezetting>();
    public DbSet<Regiocontract> Regiocontracten => Set<Regiocontract>();
    public DbSet<Reservering> Reserveringen => Set<Reservering>();
    public DbSet<ActieveStop> Stops => Set<ActieveStop>();
    public DbSet<AuditRegel> Audit => Set<AuditRegel>();
    public DbSet<CaseloadRegel> Caseloadregels => Set<CaseloadRegel>();

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
            e.HasIndex(m => new { m.GiCode, m.Lopend, m.Type, m.Regio });
            e.Property(m => m.GiCode).HasMaxLength(20);
            e.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Regio).HasMaxLength(60);
        });
        modelBuilder.Entity<Certificaat>(e =>
        {
            e.ToTable("certificaten");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.GiCode);
            // One certificate of a kind from a date per GI: registering it again (or at the same time) adds nothing.
            e.HasIndex(c => new { c.GiCode, c.Soort, c.Van }).IsUnique();
            // Withdrawn or extended once: a decision racing another on the same certificate finds it changed (ABORTED).
            e.Property(c => c.IngetrokkenOp).IsConcurrencyToken();
            e.Property(c => c.Tot).IsConcurrencyToken();
            e.Property(c => c.GiCode).HasMaxLength(20);
            e.Property(c => c.Soort).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Bezetting>(e =>
        {
            e.ToTable("bezettingen");
            e.HasKey(b => b.GiCode);
            // Two staffing updates at once: the second finds the row changed (ABORTED) instead of writing twice.
            e.Property(b => b.BijgewerktOpUtc).IsConcurrencyToken();
            e.Property(b => b.GiCode).HasMaxLength(20);
            e.Property(b => b.FteTotaal).HasPrecision(9, 2);
            e.Property(b => b.FteZiek).HasPrecision(9, 2);
            e.Property(b => b.FteExtern).HasPrecision(9, 2);
            e.Property(b => b.FteInOpleiding).HasPrecision(9, 2);
            e.Property(b => b.Norm).HasPrecision(9, 2);
            e.Property(b => b.OpleidingsFactor).HasPrecision(4, 2);
            e.Ignore(b => b.FteInzetbaar);
            e.Ignore(b => b.FteEffectief);
            e.Ignore(b => b.Capaciteit);
        });
        modelBuilder.Entity<Regiocontract>(e =>
        {
            e.ToTable("regiocontracten");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.GiCode, c.Regio });
            // One contract of a GI in a region from a date: registering it again (or at the same time) adds nothing.
            e.HasIndex(c => new { c.GiCode, c.Regio, c.Van }).IsUnique();
            e.Property(c => c.GiCode).HasMaxLength(20);
            e.Property(c => c.Regio).HasMaxLength(60);
        });
        modelBuilder.Entity<Reservering>(e =>
        {
            e.ToTable("reserveringen");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.IdempotentieSleutel).IsUnique();
            e.HasIndex(r => new { r.GiCode, r.Status });
            // The figures are recounted from the active reservations (every change, at least every second); they are
            // few among all a scenario made: without it each recount read the table through (bench queryplannen).
            e.HasIndex(r => r.Status);
            e.Property(r => r.IdempotentieSleutel).HasMaxLength(200);
            e.Property(r => r.GiCode).HasMaxLength(20);
            e.Property(r => r.Regio).HasMaxLength(60);
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Gewogen).HasPrecision(9, 2);
            // Two measures of one handover counted at once must both count: the second write finds the row changed and retries.
            e.Property(r => r.Overgedragen).IsConcurrencyToken();
            e.HasIndex(r => r.OverdrachtId);
        });
        modelBuilder.Entity<ActieveStop>(e =>
        {
            e.ToTable("clientenstops");
            e.HasKey(s => s.StopId);
            e.Property(s => s.GiCode).HasMaxLength(20);
        });
        modelBuilder.Entity<CaseloadRegel>(e =>
        {
            e.ToTable("caseloadregels");
            // One count per type and region in a report; a report is a GI's lines of one peildatum.
            e.HasKey(r => new { r.GiCode, r.Peildatum, r.Regio, r.Type });
            e.Property(r => r.GiCode).HasMaxLength(20);
            e.Property(r => r.Regio).HasMaxLength(60);
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            e.Ignore(r => r.BuitenPlatform);
            e.Property(r => r.OntvangenOpUtc).IsConcurrencyToken();
        });
        modelBuilder.Entity<AuditRegel>(e =>
        {
            e.ToTable("audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Organisatie).HasMaxLength(60);
            e.Property(a => a.Gebruiker).HasMaxLength(100);
            e.Property(a => a.Wat).HasMaxLength(1000);
        });
    }
}
