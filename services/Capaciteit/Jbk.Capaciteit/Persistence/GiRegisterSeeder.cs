using Jbk.BuildingBlocks.Persistence;
using Jbk.Capaciteit.Domain;
using Jbk.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Capaciteit.Persistence;

/// <summary>Adds the shipped GIs that are missing; never overwrites a GI that exists (its changes are the registry's own).</summary>
internal sealed class GiRegisterSeeder : ISeeder<CapaciteitDbContext>
{
    public async Task SeedAsync(CapaciteitDbContext db, CancellationToken cancellationToken)
    {
        var bekend = await db.Instellingen.Select(i => i.Code).ToListAsync(cancellationToken);
        db.Instellingen.AddRange(GiRegister.Alle.Where(g => !bekend.Contains(g.Code)).Select(g => new Instelling
        {
            Code = g.Code,
            Naam = g.Naam,
            Soort = g.Soort == GiSoort.Landelijk ? InstellingSoort.Landelijk : InstellingSoort.Regionaal,
            Regios = [.. g.Regios],
            Doelgroepen = [.. g.Doelgroepen],
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
