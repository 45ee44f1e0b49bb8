using Jbk.BuildingBlocks.Telemetry;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Jbk.BuildingBlocks.Messaging;

/// <summary>
/// How many messages wait in each consumer's <c>_error</c> queue on RabbitMQ: what the consumers gave up on after their
/// retries, which an operator must look at and move back. Asked of the broker itself (a passive declare per queue);
/// a queue RabbitMQ has not made yet holds nothing and counts 0.
/// </summary>
internal sealed class FoutwachtrijStand(BrokerVerbondenCheck broker, IEndpointNameFormatter formatter) : IStandbron
{
    public const string Berichten = "jbk.bus.foutwachtrij.berichten";

    public string Dienst => "bus";

    public IReadOnlyList<Standmaat> Maten { get; } =
        [new(Berichten, "Berichten in de foutwachtrij van een consumer (opgegeven na de herhalingen)", "dienst", "wachtrij")];

    public async Task<IReadOnlyList<Standwaarde>> MeetAsync(IServiceProvider diensten, CancellationToken ct)
    {
        var context = diensten.GetRequiredService<IBusRegistrationContext>();
        var wachtrijen = diensten.GetServices<IConsumerRegistration>()
            .Select(r => r.GetDefinition(context).GetEndpointName(formatter)).Distinct().Order().ToList();
        var verbinding = await broker.VerbindingAsync(ct);
        var waarden = new List<Standwaarde>();
        IChannel? kanaal = null;
        try
        {
            foreach (var wachtrij in wachtrijen)
            {
                kanaal ??= await verbinding.CreateChannelAsync(cancellationToken: ct);
                uint aantal;
                try { aantal = (await kanaal.QueueDeclarePassiveAsync(wachtrij + "_error", ct)).MessageCount; }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
                {
                    aantal = 0; // never made: nothing ever failed there; the broker closed the channel
                    await kanaal.DisposeAsync();
                    kanaal = null;
                }
                waarden.Add(Standwaarde.Van(Berichten, aantal, ("dienst", BusMeting.Dienst(wachtrij)), ("wachtrij", wachtrij)));
            }
        }
        finally
        {
            if (kanaal is not null) await kanaal.DisposeAsync();
        }
        return waarden;
    }
}
