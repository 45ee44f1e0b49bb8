using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;
using Jbk.Maatregelregistratie.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jbk.UnitTests.Maatregelregistratie;

public sealed class TermijnBewakingTests
{
    private sealed class VasteKlok(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu;
    }

    /// <summary>A fresh SQLite database with the children and measures, and the deadline watch over it on a fixed clock.</summary>
    private static async Task<(ServiceProvider Diensten, TermijnBewaking Bewaking)> BewakingAsync(
        DateTimeOffset nu, IEnumerable<Jeugdige> kinderen, params Maatregel[] maatregelen)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jbk-bewaking").FullName, "m.db");
        var services = new ServiceCollection().AddDbContext<MaatregelDbContext>(o => o.UseSqlite($"Data Source={file}")).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaatregelDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Jeugdigen.AddRange(kinderen);
            db.Maatregelen.AddRange(maatregelen);
            await db.SaveChangesAsync();
        }
        return (services, new TermijnBewaking(services.GetRequiredService<IServiceScopeFactory>(),
            new TermijnBerekening(Bouw.Opties, new Werkdagen(new Feestdagen())), new VasteKlok(nu),
            Options.Create(new TermijnBewakingOpties()), new Jbk.BuildingBlocks.Processen.ProcesLeases(), NullLogger<TermijnBewaking>.Instance));
    }

    [Fact]
    public async Task Every_passed_deadline_is_announced_once_through_the_outbox()
    {
        var kind = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind);
        ots.RegistreerMijlpaal(MijlpaalSoort.EersteContact, Bouw.Start.AddDays(1));
        // Two months in: veiligheidstaxatie and plan van aanpak have passed unmet; eerste contact was met.
        var (services, bewaking) = await BewakingAsync(new DateTimeOffset(2025, 5, 3, 12, 0, 0, TimeSpan.Zero), [kind], ots);
        await using var opruimen = services;

        Assert.Equal(2, await bewaking.ControleerAsync(CancellationToken.None));
        Assert.Equal(0, await bewaking.ControleerAsync(CancellationToken.None));

        await using var controle = services.CreateAsyncScope();
        var events = await controle.ServiceProvider.GetRequiredService<MaatregelDbContext>().Outbox.Select(m => m.Payload).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Contains("\"soort\":\"Veiligheidstaxatie\""));
        Assert.Contains(events, e => e.Contains("\"soort\":\"PlanVanAanpak\""));
    }

    [Fact]
    public async Task A_measure_whose_end_date_came_ends_by_law_once_and_says_so_through_the_outbox()
    {
        var kind = Bouw.Jeugdige();
        var verlopen = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind, eind: Bouw.Start.AddMonths(6));
        var lopend = Bouw.Maatregel(MaatregelType.Ots, jeugdige: Bouw.Jeugdige(), eind: Bouw.Start.AddMonths(12));
        var (services, bewaking) = await BewakingAsync(Bouw.Start.AddMonths(7).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), [kind], verlopen, lopend);
        await using var opruimen = services;

        Assert.Equal(1, await bewaking.EindigVanRechtswegeAsync(CancellationToken.None));
        Assert.Equal(0, await bewaking.EindigVanRechtswegeAsync(CancellationToken.None));

        await using var controle = services.CreateAsyncScope();
        var db2 = controle.ServiceProvider.GetRequiredService<MaatregelDbContext>();
        var beeindigd = await db2.Maatregelen.AsNoTracking().SingleAsync(m => m.Id == verlopen.Id);
        Assert.Equal(MaatregelStatus.Beeindigd, beeindigd.Status);
        Assert.Equal(Bouw.Start.AddMonths(6), beeindigd.BeeindigdOp);
        Assert.Equal(MaatregelStatus.Lopend, (await db2.Maatregelen.AsNoTracking().SingleAsync(m => m.Id == lopend.Id)).Status);
        var events = await db2.Outbox.Select(m => m.EventType).ToListAsync();
        Assert.Single(events, e => e.Contains("MaatregelBeeindigd"));
    }
}
