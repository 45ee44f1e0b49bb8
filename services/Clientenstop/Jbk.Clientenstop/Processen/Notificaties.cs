using System.Text.Json;
using Dapr.Client;
using Jbk.BuildingBlocks.Dapr;
using Jbk.Clientenstop.Domain;
using Microsoft.Extensions.Logging;

namespace Jbk.Clientenstop.Processen;

/// <summary>
/// Where a notification goes once its step is committed: the embedded mode logs it; the deployment sends it through the
/// Dapr output binding (<see cref="DaprOpties.Notificatiebinding"/>, SMTP or HTTP in the component). The notification's
/// id travels along (<c>idempotentie-sleutel</c>), so a receiver can drop the one repeat a crash right after sending causes.
/// </summary>
public interface INotificatiekanaal
{
    Task VerzendAsync(Notificatie notificatie, CancellationToken ct);
}

public sealed partial class LogNotificatiekanaal(ILogger<LogNotificatiekanaal> logger) : INotificatiekanaal
{
    public Task VerzendAsync(Notificatie n, CancellationToken ct)
    {
        LogInformatie(logger, n.Gebeurtenis, n.StopId, n.GiCode, string.Join(", ", n.Partijen));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cliëntenstop {StopId} van {Gi} {Gebeurtenis}: geïnformeerd {Partijen}")]
    private static partial void LogInformatie(ILogger logger, string gebeurtenis, Guid stopId, string gi, string partijen);
}

public sealed class DaprNotificatiekanaal(DaprClient dapr, DaprOpties opties) : INotificatiekanaal
{
    public const string Operatie = "create";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task VerzendAsync(Notificatie n, CancellationToken ct) =>
        dapr.InvokeBindingAsync(opties.Notificatiebinding, Operatie, Bericht.Van(n),
            new Dictionary<string, string> { ["idempotentie-sleutel"] = n.Id.ToString(), ["subject"] = $"Cliëntenstop {n.GiCode}: {n.Gebeurtenis}" },
            ct);

    /// <summary>What the parties receive: the stop, what happened, to whom. Organisations and dates, nothing personal.</summary>
    public sealed record Bericht(Guid NotificatieId, Guid StopId, string Gi, string Gebeurtenis, string Status, IReadOnlyList<string> Partijen, DateTime OpUtc)
    {
        public static Bericht Van(Notificatie n) => new(n.Id, n.StopId, n.GiCode, n.Gebeurtenis, n.Status, n.Partijen, n.AangemaaktOpUtc);
    }
}
