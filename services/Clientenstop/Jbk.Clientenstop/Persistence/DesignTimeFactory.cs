using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jbk.Clientenstop.Persistence;

/// <summary>For `dotnet ef migrations add`: migrations are made for PostgreSQL, the distributed mode's database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClientenstopDbContext>
{
    public ClientenstopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ClientenstopDbContext>().UseNpgsql("Host=localhost;Database=jbk_design").Options);
}
