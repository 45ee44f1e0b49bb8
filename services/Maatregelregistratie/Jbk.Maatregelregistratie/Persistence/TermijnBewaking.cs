using Jbk.Contracts.Events;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jbk.Maatregelregistratie.Persistence;

/// <summary>
/// Announces every deadline that passed unmet, once (TermijnVerstreken), so dashboards and the GI's own
/// systems see a child's protection at risk without asking. Runs every <see cref="TermijnBewakingOpties.Interval"/>.
/// </summary>
internal sealed partial class TermijnBewaking(
    IServiceScopeFactory scopes, TermijnBerekening berekening, TimeProvider klok, IOptions<TermijnBewakingOpties> opties,
    ILogger<TermijnBewaking> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var gemeld = await ControleerAsync(stoppingToken);
                if (gemeld > 0) LogGemeld(logger, gemeld);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogMislukt(logger, ex.GetType().Name, ex.Message);
            }
            try { await Task.Delay(opties.Value.Interval, klok, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    internal async Task<int> ControleerAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaatregelDbContext>();
        var vandaag = DateOnly.FromDateTime(klok.GetUtcNow().UtcDateTime);
        var gemeld = (await db.GemeldeTermijnen.AsNoTracking().ToListAsync(ct))
            .Select(g => (g.MaatregelId, g.Soort, g.Uiterlijk)).ToHashSet();
        var aantal = 0;
        foreach (var m in await db.Maatregelen.AsNoTracking().Where(m => m.Status == MaatregelStatus.Lopend).ToListAsync(ct))
        foreach (var t in berekening.Bereken(m).Where(t => t.StatusOp(vandaag) == TermijnStatus.Verstreken))
        {
            if (!gemeld.Add((m.Id, t.Soort.ToString(), t.Uiterlijk))) continue;
            db.GemeldeTermijnen.Add(new GemeldeTermijn { MaatregelId = m.Id, Soort = t.Soort.ToString(), Uiterlijk = t.Uiterlijk });
            db.Publish(new TermijnVerstreken(m.Id, m.VerantwoordelijkeGi, t.Soort.ToString(), t.Uiterlijk));
            aantal++;
        }
        await db.SaveChangesAsync(ct);
        return aantal;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Aantal} verstreken termijnen gemeld")]
    private static partial void LogGemeld(ILogger logger, int aantal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Termijnbewaking mislukt ({ErrorType}: {Error}); volgende ronde probeert opnieuw")]
    private static partial void LogMislukt(ILogger logger, string errorType, string error);
}

public sealed class TermijnBewakingOpties
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
