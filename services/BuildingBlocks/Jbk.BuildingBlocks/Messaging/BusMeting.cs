using System.Diagnostics.Metrics;
using Jbk.BuildingBlocks.Telemetry;
using MassTransit;

namespace Jbk.BuildingBlocks.Messaging;

/// <summary>
/// What the consumers do with the bus's messages, per queue and message type: handled, failed (an attempt threw), and
/// retried (<c>jbk_bus_berichten_total{uitkomst}</c>). A message type that was handled once also reports its failures,
/// as zero until there are any, so "no faults" reads as 0 on the dashboard rather than as no data.
/// </summary>
public sealed class BusMeting : IConsumeObserver, IRetryObserver
{
    public const string Naam = "jbk.bus.berichten";

    private static readonly Meter Meter = new(TelemetrySetup.SourceName);
    private static readonly Counter<long> Berichten = Meter.CreateCounter<long>(Naam, description:
        "Berichten van de bus per dienst, wachtrij, berichttype en uitkomst (verwerkt, fout, herhaald)");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Tel<T>(context, "verwerkt", 1);
        Tel<T>(context, "fout", 0);
        Tel<T>(context, "herhaald", 0);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        Tel<T>(context, "fout", 1);
        return Task.CompletedTask;
    }

    public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext
    {
        if (context.Context is ConsumeContext consume) Tel(consume.ReceiveContext.InputAddress, BerichtType(consume), "herhaald", 1);
        return Task.CompletedTask;
    }

    public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;
    public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;
    public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;
    public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    private static void Tel<T>(ConsumeContext context, string uitkomst, long aantal) =>
        Tel(context.ReceiveContext.InputAddress, typeof(T).Name, uitkomst, aantal);

    private static string BerichtType(ConsumeContext context) =>
        context.SupportedMessageTypes.FirstOrDefault()?.Split(':').LastOrDefault() ?? "onbekend";

    private static void Tel(Uri? wachtrij, string bericht, string uitkomst, long aantal)
    {
        var naam = Wachtrij(wachtrij);
        Berichten.Add(aantal,
            new KeyValuePair<string, object?>("dienst", Dienst(naam)),
            new KeyValuePair<string, object?>("wachtrij", naam),
            new KeyValuePair<string, object?>("bericht", bericht),
            new KeyValuePair<string, object?>("uitkomst", uitkomst));
    }

    /// <summary>The queue's name: the last segment of the endpoint address ("jbk-capaciteit-consumers-...").</summary>
    public static string Wachtrij(Uri? adres) => adres?.AbsolutePath.Trim('/').Split('/').LastOrDefault() is { Length: > 0 } n ? n : "onbekend";

    /// <summary>Queues are named after the consumer's namespace, so the second part names the service.</summary>
    public static string Dienst(string wachtrij) => wachtrij.Split('-', '.', ':') is [_, var dienst, ..] ? dienst : "onbekend";
}
