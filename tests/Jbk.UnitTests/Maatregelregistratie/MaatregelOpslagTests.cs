using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jbk.UnitTests.Maatregelregistratie;

/// <summary>The measure with its timeline, decisions, assignments and milestones survives a round trip through SQLite (the embedded store).</summary>
public sealed class MaatregelOpslagTests
{
    [Fact]
    public async Task A_measure_and_its_history_are_stored_and_read_back_whole()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jbk-opslag").FullName, "m.db");
        var options = new DbContextOptionsBuilder<MaatregelDbContext>().UseSqlite($"Data Source={file}").Options;
        var kind = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind);
        ots.Verleng(Bouw.Verlenging(ots.Einddatum!.Value.AddMonths(6)), null, Bouw.Opties);
        ots.WijsToe(ToewijzingSoort.Pool, "CCP", Bouw.Start);
        ots.RegistreerMijlpaal(MijlpaalSoort.EersteContact, Bouw.Start.AddDays(3));
        ots.DraagOver("JBN", "WSS", Maatregel.Moment(Bouw.Start.AddMonths(2)), Guid.NewGuid());

        await using (var db = new MaatregelDbContext(options))
        {
            await db.Database.EnsureCreatedAsync();
            db.Jeugdigen.Add(kind);
            db.Maatregelen.Add(ots);
            await db.SaveChangesAsync();
        }

        await using (var db = new MaatregelDbContext(options))
        {
            var terug = await db.Maatregelen.SingleAsync(m => m.Id == ots.Id);
            Assert.Equal("WSS", terug.VerantwoordelijkeGi);
            Assert.Equal(2, terug.Verantwoordelijkheden.Count);
            Assert.Single(terug.Beschikkingen);
            Assert.Single(terug.Mijlpalen);
            Assert.Single(terug.Toewijzingen);
            Assert.Null(Tijdlijn.Schending(terug));
            Assert.Equal(kind.Bsn, (await db.Jeugdigen.SingleAsync(j => j.Id == kind.Id)).Bsn);
        }
    }
}
