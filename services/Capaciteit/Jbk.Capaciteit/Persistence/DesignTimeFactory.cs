using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jbk.Capaciteit.Persistence;

/// <summary>For `dotnet ef migrations add`: migrations are made for PostgreSQL, the distributed mode's database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CapaciteitDbContext>
{
    public CapaciteitDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CapaciteitDbContext>().UseNpgsql("Host=localhost;Database=jbk_design").Options);
}
