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

    [Fact]
    public async Task Every_passed_deadline_is_announced_once_through_the_outbox()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jbk-bewaking").FullName, "m.db");
        await using var services = new ServiceCollection()
            .AddDbContext<MaatregelDbContext>(o => o.UseSqlite($"Data Source={file}"))
            .BuildServiceProvider();
        var kind = Bouw.Jeugdige();
        var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind);
        ots.RegistreerMijlpaal(MijlpaalSoort.EersteContact, Bouw.Start.AddDays(1));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaatregelDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Jeugdigen.Add(kind);
            db.Maatregelen.Add(ots);
            await db.SaveChangesAsync();
        }
        // Two months in: veiligheidstaxatie and plan van aanpak have passed unmet; eerste contact was met.
        var bewaking = new TermijnBewaking(services.GetRequiredService<IServiceScopeFactory>(),
            new TermijnBerekening(Bouw.Opties, new Werkdagen(new Feestdagen())), new VasteKlok(new DateTimeOffset(2025, 5, 3, 12, 0, 0, TimeSpan.Zero)),
            Options.Create(new TermijnBewakingOpties()), new Jbk.BuildingBlocks.Processen.ProcesLeases(), NullLogger<TermijnBewaking>.Instance);

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
        var file = Path.Combine(Directory.CreateTempSubdirectory("jbk-bewaking").FullName, "m.db");
        await using var services = new ServiceCollection()
            .AddDbContext<MaatregelDbContext>(o => o.UseSqlite($"Data Source={file}"))
            .BuildServiceProvider();
        var kind = Bouw.Jeugdige();
        var verlopen = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind, eind: Bouw.Start.AddMonths(6));
        var lopend = Bouw.Maatregel(MaatregelType.Ots, jeugdige: Bouw.Jeugdige(), eind: Bouw.Start.AddMonths(12));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaatregelDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Jeugdigen.Add(kind);
            db.Maatregelen.AddRange(verlopen, lopend);
            await db.SaveChangesAsync();
        }
        var bewaking = new TermijnBewaking(services.GetRequiredService<IServiceScopeFactory>(),
            new TermijnBerekening(Bouw.Opties, new Werkdagen(new Feestdagen())), new VasteKlok(Bouw.Start.AddMonths(7).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)),
            Options.Create(new TermijnBewakingOpties()), new Jbk.BuildingBlocks.Processen.ProcesLeases(), NullLogger<TermijnBewaking>.Instance);

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
