using Jbk.Clientenstop.Domain;
using Jbk.Contracts;
using Microsoft.Extensions.Logging;

namespace Jbk.Clientenstop.Processen;

/// <summary>
/// Informs the parties of a stop (gemeenten, RvdK, the court, colleague GIs). One port; the embedded mode logs, the
/// deployment sends through a Dapr output binding. Messages carry organisations and dates only.
/// </summary>
public interface INotificaties
{
    Task InformeerAsync(Stop stop, string gebeurtenis, CancellationToken ct);
}

public sealed partial class LogNotificaties(ILogger<LogNotificaties> logger) : INotificaties
{
    public Task InformeerAsync(Stop stop, string gebeurtenis, CancellationToken ct)
    {
        LogInformatie(logger, gebeurtenis, stop.Id, stop.GiCode, string.Join(", ", Partijen(stop)));
        return Task.CompletedTask;
    }

    /// <summary>The gemeenten of the regions, the RvdK, the court, and the GIs in and around the regions that would absorb.</summary>
    public static IReadOnlyList<string> Partijen(Stop stop) =>
        [.. stop.Regios.Select(r => $"gemeenten {r}"), "rvdk", "rechtbank",
         .. GiRegister.Alle.Where(g => g.Code != stop.GiCode && (g.Soort == GiSoort.Landelijk || g.Regios.Intersect(stop.Regios).Any())).Select(g => $"gi:{g.Code}")];

    [LoggerMessage(Level = LogLevel.Information, Message = "Cliëntenstop {StopId} van {Gi} {Gebeurtenis}: geïnformeerd {Partijen}")]
    private static partial void LogInformatie(ILogger logger, string gebeurtenis, Guid stopId, string gi, string partijen);
}
