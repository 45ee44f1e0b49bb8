using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jbk.Overdracht.Persistence;

/// <summary>For `dotnet ef migrations add`: migrations are made for PostgreSQL, the distributed mode's database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OverdrachtDbContext>
{
    public OverdrachtDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OverdrachtDbContext>().UseNpgsql("Host=localhost;Database=jbk_design").Options);
}
