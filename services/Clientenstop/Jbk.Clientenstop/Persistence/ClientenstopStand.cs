using Jbk.BuildingBlocks.Telemetry;
using Jbk.Clientenstop.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Clientenstop.Persistence;

/// <summary>Cliëntenstops per status and GI, from clientenstop's database (a GI may not decide one alone: proposed ones wait for approval).</summary>
public sealed class ClientenstopStand : IStandbron
{
    public string Dienst => "clientenstop";

    public IReadOnlyList<Standmaat> Maten { get; } = [new("jbk.clientenstops", "Cliëntenstops per GI en status", "gi", "status")];

    public async Task<IReadOnlyList<Standwaarde>> MeetAsync(IServiceProvider diensten, CancellationToken ct)
    {
        var db = diensten.GetRequiredService<ClientenstopDbContext>();
        var stand = await db.Stops.AsNoTracking().GroupBy(s => new { s.GiCode, s.Status })
            .Select(g => new { g.Key.GiCode, g.Key.Status, Aantal = g.Count() }).ToListAsync(ct);
        return Jbk.Contracts.GiRegister.Alle.Select(g => g.Code).SelectMany(gi => Enum.GetValues<StopStatus>().Select(s =>
                Standwaarde.Van("jbk.clientenstops", stand.FirstOrDefault(x => x.GiCode == gi && x.Status == s)?.Aantal ?? 0,
                    ("gi", gi), ("status", s.ToString().ToLowerInvariant()))))
            .ToList();
    }
}
