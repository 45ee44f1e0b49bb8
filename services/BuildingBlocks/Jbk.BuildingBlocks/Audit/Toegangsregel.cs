using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Jbk.BuildingBlocks.Audit;

/// <summary>
/// One entry of the NEN 7513 access log: who (organisation, pseudonymous user, on whose behalf) did what (the RPC) to
/// whose data (the ids of the measures, handovers and children concerned), when, and whether it was allowed (the gRPC
/// status). Append-only and hash-chained: each entry carries the hash of the one before, so an edited, deleted or inserted
/// row breaks the chain at that place.
/// </summary>
public sealed class Toegangsregel
{
    public long Volgorde { get; set; }
    public DateTime OpUtc { get; set; }
    public required string Organisatie { get; set; }
    public required string Gebruiker { get; set; }
    public string? Namens { get; set; }
    public required string Handeling { get; set; }
    public required string Uitkomst { get; set; }
    public List<string> Betrokkenen { get; set; } = [];
    public required string VorigeHash { get; set; }
    public string Hash { get; set; } = "";

    public const string Begin = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 over every field and the previous hash, in a fixed form.</summary>
    public string BerekenHash()
    {
        var tekst = string.Join('\u001f', Volgorde.ToString(), OpUtc.ToString("O"), Organisatie, Gebruiker, Namens ?? "", Handeling, Uitkomst,
            string.Join('\u001e', Betrokkenen), VorigeHash);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tekst))).ToLowerInvariant();
    }
}

/// <summary>The chain's head, kept beside it: how many entries there are and the last hash (so removing the last rows shows too).</summary>
public sealed class ToegangslogKop
{
    public int Id { get; set; } = 1;
    public long Aantal { get; set; }
    public long LaatsteVolgorde { get; set; }
    public string LaatsteHash { get; set; } = Toegangsregel.Begin;
}

/// <summary>A service whose database keeps an access log.</summary>
public interface IToegangslogContext
{
    DbSet<Toegangsregel> Toegangslog { get; }
    DbSet<ToegangslogKop> ToegangslogKop { get; }
}

public static class ToegangslogModel
{
    public static void MaakToegangslog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Toegangsregel>(e =>
        {
            e.ToTable("toegangslog");
            e.HasKey(r => r.Volgorde);
            // Numbered by the writer under its lock (not by the database), so the chain's order is the numbering.
            e.Property(r => r.Volgorde).ValueGeneratedNever();
            e.HasIndex(r => new { r.Organisatie, r.Volgorde });
            e.Property(r => r.Organisatie).HasMaxLength(60);
            e.Property(r => r.Gebruiker).HasMaxLength(200);
            e.Property(r => r.Namens).HasMaxLength(60);
            e.Property(r => r.Handeling).HasMaxLength(200);
            e.Property(r => r.Uitkomst).HasMaxLength(40);
            e.Property(r => r.VorigeHash).HasMaxLength(64);
            e.Property(r => r.Hash).HasMaxLength(64);
        });
        modelBuilder.Entity<ToegangslogKop>(e =>
        {
            e.ToTable("toegangslog_kop");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).ValueGeneratedNever();
            e.Property(k => k.LaatsteHash).HasMaxLength(64);
        });
    }
}
