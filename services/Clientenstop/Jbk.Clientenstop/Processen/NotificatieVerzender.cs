using Jbk.BuildingBlocks.Processen;
using Jbk.Clientenstop.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jbk.Clientenstop.Processen;

/// <summary>
/// Sends the committed notifications in the order they were written, under a lease (one sender among replicas), and
/// marks each sent. A channel that is away stops the round; the next round tries again from the same notification.
/// </summary>
public sealed partial class NotificatieVerzender(
    IServiceScopeFactory scopes, IOptions<NotificatieOpties> opties, TimeProvider klok,
    [FromKeyedServices(ClientenstopModule.DienstNaam)] ILeases leases, ILogger<NotificatieVerzender> logger)
    : Achtergrondproces("notificaties", leases, logger, opties.Value.Interval, klok: klok)
{
    protected override async Task<bool> RondeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientenstopDbContext>();
        var kanaal = scope.ServiceProvider.GetRequiredService<INotificatiekanaal>();
        var wachtend = await db.Notificaties.Where(n => n.VerzondenOpUtc == null).OrderBy(n => n.Volgorde).Take(50).ToListAsync(ct);
        foreach (var n in wachtend)
        {
            try { await kanaal.VerzendAsync(n, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                n.Mislukt($"{ex.GetType().Name}: {ex.GetBaseException().Message}");
                await db.SaveChangesAsync(CancellationToken.None);
                LogNietVerzonden(logger, n.Id, ex.GetType().Name);
                throw; // the process backs off and tries again from here: order is kept
            }
            n.Verzonden(Klok.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return wachtend.Count == 50;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notificatie {Id} niet verzonden ({Fout}); wordt opnieuw geprobeerd")]
    private static partial void LogNietVerzonden(ILogger logger, Guid id, string fout);
}

public sealed class NotificatieOpties
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);
}
