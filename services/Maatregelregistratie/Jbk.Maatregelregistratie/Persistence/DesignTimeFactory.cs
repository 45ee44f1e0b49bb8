using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jbk.Maatregelregistratie.Persistence;

/// <summary>For `dotnet ef migrations add`: migrations are made for PostgreSQL, the distributed mode's database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MaatregelDbContext>
{
    public MaatregelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MaatregelDbContext>().UseNpgsql("Host=localhost;Database=jbk_design").Options);
}
