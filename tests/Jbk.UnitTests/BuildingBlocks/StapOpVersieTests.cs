using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>A person's step meets another writer's commit: on a real SQLite database, two contexts as two requests.</summary>
public sealed class StapOpVersieTests : IDisposable
{
    private readonly SqliteConnection _verbinding = new("Data Source=:memory:");

    public StapOpVersieTests()
    {
        _verbinding.Open();
        using var db = Context();
        db.Database.EnsureCreated();
        db.Dossiers.Add(new Dossier { Id = 1 });
        db.SaveChanges();
    }

    [Fact]
    public async Task A_step_whose_version_was_moved_on_meanwhile_is_taken_again_on_what_is_there_now()
    {
        await using var db = Context();
        var pogingen = 0;
        var stappen = await StapOpVersie.OpnieuwBijGelijktijdigeWijziging(db, async () =>
        {
            pogingen++;
            var dossier = await db.Dossiers.SingleAsync();
            if (pogingen == 1) await StapVanEenAnder();
            dossier.Stappen++;
            dossier.Versie++;
            await db.SaveChangesAsync();
            return dossier.Stappen;
        }, "tegelijk gewijzigd");

        Assert.Equal(2, pogingen);
        Assert.Equal(2, stappen); // the other's step and this one, neither lost
        await using var gelezen = Context();
        Assert.Equal(2, (await gelezen.Dossiers.SingleAsync()).Stappen);
    }

    [Fact]
    public async Task A_step_that_meets_another_writer_every_time_is_refused_after_its_attempts_and_stores_nothing()
    {
        await using var db = Context();
        var pogingen = 0;
        var ex = await Assert.ThrowsAsync<GelijktijdigGewijzigdException>(() => StapOpVersie.OpnieuwBijGelijktijdigeWijziging(db, async () =>
        {
            pogingen++;
            var dossier = await db.Dossiers.SingleAsync();
            await StapVanEenAnder();
            dossier.Stappen += 100;
            dossier.Versie++;
            await db.SaveChangesAsync();
            return 0;
        }, "Het dossier is tegelijk gewijzigd."));

        Assert.Equal(StapOpVersie.Pogingen, pogingen);
        Assert.Equal("Het dossier is tegelijk gewijzigd.", ex.Message);
        await using var gelezen = Context();
        Assert.Equal(StapOpVersie.Pogingen, (await gelezen.Dossiers.SingleAsync()).Stappen); // only the other writer's steps
    }

    private async Task StapVanEenAnder()
    {
        await using var ander = Context();
        var dossier = await ander.Dossiers.SingleAsync();
        dossier.Stappen++;
        dossier.Versie++;
        await ander.SaveChangesAsync();
    }

    private TestContext Context() => new(new DbContextOptionsBuilder<TestContext>().UseSqlite(_verbinding).Options);

    public void Dispose() => _verbinding.Dispose();

    private sealed class Dossier
    {
        public int Id { get; set; }
        public int Stappen { get; set; }
        public int Versie { get; set; }
    }

    private sealed class TestContext(DbContextOptions<TestContext> options) : DbContext(options)
    {
        public DbSet<Dossier> Dossiers => Set<Dossier>();
        protected override void OnModelCreating(ModelBuilder b) => b.Entity<Dossier>().Property(d => d.Versie).IsConcurrencyToken();
    }
}
