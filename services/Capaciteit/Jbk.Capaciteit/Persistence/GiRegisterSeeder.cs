using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Capaciteit.Persistence;

/// <summary>
/// Ships the registry: the 13 GIs and Nidos with their region contracts, certificates and staffing. Adds what is
/// missing and never overwrites (changes are the registry's own, and audited). JBN's figures are the seeds'
/// (August 2025); the other GIs' staffing is a plausible placeholder until they report their own.
/// </summary>
internal sealed class GiRegisterSeeder : ISeeder<CapaciteitDbContext>
{
    private static readonly DateOnly JeugdwetStart = new(2015, 1, 1);

    public async Task SeedAsync(CapaciteitDbContext db, CancellationToken cancellationToken)
    {
        var bekend = await db.Instellingen.Select(i => i.Code).ToListAsync(cancellationToken);
        foreach (var g in GiRegister.Alle.Where(g => !bekend.Contains(g.Code)))
        {
            db.Instellingen.Add(new Instelling
            {
                Code = g.Code,
                Naam = g.Naam,
                Soort = g.Soort == GiSoort.Landelijk ? InstellingSoort.Landelijk : InstellingSoort.Regionaal,
                Regios = [.. g.Regios],
                Doelgroepen = [.. g.Doelgroepen],
            });
            foreach (var regio in g.Regios) db.Regiocontracten.Add(new Regiocontract { GiCode = g.Code, Regio = regio, Van = JeugdwetStart });
            foreach (var c in Certificaten(g.Code)) db.Certificaten.Add(c);
            db.Bezettingen.Add(Bezetting(g));
            db.Audit.Add(new AuditRegel { OpUtc = DateTime.UtcNow, Organisatie = "platform", Gebruiker = "seed", Wat = $"GI {g.Code} opgenomen uit het meegeleverde register" });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Certificaat> Certificaten(string gi)
    {
        var opties = new CertificaatOpties();
        if (gi == "JBN")
        {
            // Overbruggingscertificaat in December 2024, a full certificate again from September 2025.
            yield return Certificaat.Nieuw(gi, CertificaatSoort.Overbrugging, new DateOnly(2024, 12, 1), new DateOnly(2025, 9, 1), opties);
            yield return Certificaat.Nieuw(gi, CertificaatSoort.Regulier, new DateOnly(2025, 9, 1), null, opties);
            yield break;
        }
        yield return Certificaat.Nieuw(gi, CertificaatSoort.Regulier, new DateOnly(2024, 1, 1), null, opties);
        yield return Certificaat.Nieuw(gi, CertificaatSoort.Regulier, new DateOnly(2027, 1, 1), null, opties);
    }

    private static Bezetting Bezetting(GiGegevens g) => g.Code switch
    {
        "JBN" => new Bezetting { GiCode = "JBN", FteTotaal = 81.19m, FteZiek = 10.39m, FteExtern = 14.8m, FteInOpleiding = 9m },
        // "Friesland is hardly bigger than JBN and can take only a few."
        "JBF" => new Bezetting { GiCode = "JBF", FteTotaal = 70m, FteZiek = 6m, FteExtern = 4m, FteInOpleiding = 4m },
        "WSS" => new Bezetting { GiCode = "WSS", FteTotaal = 140m, FteZiek = 12m, FteExtern = 8m, FteInOpleiding = 8m },
        "LJR" => new Bezetting { GiCode = "LJR", FteTotaal = 110m, FteZiek = 10m, FteExtern = 6m, FteInOpleiding = 6m },
        "NIDOS" => new Bezetting { GiCode = "NIDOS", FteTotaal = 160m, FteZiek = 14m, FteExtern = 10m, FteInOpleiding = 8m },
        _ => new Bezetting { GiCode = g.Code, FteTotaal = 100m, FteZiek = 9m, FteExtern = 6m, FteInOpleiding = 5m },
    };
}
