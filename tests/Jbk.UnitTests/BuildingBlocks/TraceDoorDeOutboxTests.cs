using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit;
using Jbk.Clientenstop;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Maatregelregistratie;
using Jbk.Overdracht;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>
/// One trace from the gRPC call that writes an event, through the outbox and the bus, to the consumer in another
/// service: the outbox row keeps the request's trace context and the relay publishes in it. The embedded platform in
/// this process, with an activity listener standing in for the OpenTelemetry exporter.
/// </summary>
public sealed class TraceDoorDeOutboxTests
{
    [Fact]
    public async Task RegistreerMaatregel_its_outbox_publish_and_capaciteits_consume_share_one_trace()
    {
        var activiteiten = new ConcurrentBag<Activity>();
        using var luisteraar = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activiteiten.Add,
        };
        ActivitySource.AddActivityListener(luisteraar);

        var map = Directory.CreateTempSubdirectory("jbk-trace").FullName;
        var (grpc, http) = (VrijePoort(), VrijePoort());
        var app = JbkHost.Build([$"--Jbk:GrpcPort={grpc}", $"--Jbk:HttpPort={http}", $"--Jbk:DataDir={map}", "--Jbk:Auth:LocalKeyFile=keys/sleutel.pem"],
            "jbk-platform", new MaatregelregistratieModule(), new CapaciteitModule(), new OverdrachtModule(), new ClientenstopModule());
        await app.StartAsync();
        try
        {
            using var sleutel = SigningKeys.LoadPrivateKey(Path.Combine(map, "keys", "sleutel.pem"));
            var token = TokenMinter.Mint(sleutel, Organisatie.Rvdk, "test", TimeSpan.FromMinutes(5));
            using var kanaal = GrpcChannel.ForAddress($"http://127.0.0.1:{grpc}");
            var client = new MaatregelService.MaatregelServiceClient(kanaal);
            await client.RegistreerMaatregelAsync(Ots(), new Metadata { { "Authorization", $"Bearer {token}" } });

            // ASP.NET Core's span names the gRPC method in a tag; OpenTelemetry's instrumentation (on where traces are
            // exported) in its name.
            var server = activiteiten.Single(a => a.Kind == ActivityKind.Server
                && (a.DisplayName.Contains("RegistreerMaatregel", StringComparison.Ordinal) || (a.GetTagItem("grpc.method") as string)?.EndsWith("/RegistreerMaatregel", StringComparison.Ordinal) == true));
            var trace = server.TraceId;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!activiteiten.Any(a => a.TraceId == trace && IsConsumeInCapaciteit(a)) && DateTime.UtcNow < deadline) await Task.Delay(100);

            var inTrace = activiteiten.Where(a => a.TraceId == trace).ToList();
            var beschrijving = string.Join("; ", inTrace.Select(a => $"{a.Source.Name}/{a.Kind}/{a.DisplayName}"));
            Assert.Contains(inTrace, a => a.Source.Name == "Jbk" && a.DisplayName == "outbox MaatregelGeregistreerd");
            Assert.Contains(inTrace, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer);
            Assert.True(inTrace.Any(IsConsumeInCapaciteit), $"no consume in capaciteit in the trace: {beschrijving}");
        }
        finally
        {
            // Stopped, not disposed: MassTransit keeps the host's logger factory in a static that other tests' hosts use.
            await app.StopAsync();
            Directory.Delete(map, recursive: true);
        }
    }

    private static bool IsConsumeInCapaciteit(Activity a) =>
        a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer
        && a.TagObjects.Any(t => t.Value?.ToString()?.Contains("Capaciteit", StringComparison.Ordinal) == true);

    private static int VrijePoort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    private static RegistreerMaatregelRequest Ots()
    {
        var start = new DateOnly(2025, 3, 1);
        return new RegistreerMaatregelRequest
        {
            IdempotentieSleutel = Guid.NewGuid().ToString(), Type = MaatregelType.Ots.ToProto(), GiCode = "JBO", Regio = "overijssel",
            Startdatum = start.ToProto(), Einddatum = start.AddYears(1).ToProto(),
            Jeugdige = new Jeugdige { Bsn = "111222333", Geboortedatum = new DateOnly(2014, 5, 17).ToProto(), Gemeente = "GM0106" },
            Beschikking = new Beschikking { Rechtbank = "Rechtbank Oost-Nederland", Zaaknummer = "C/08/1", Datum = start.ToProto(), Einddatum = start.AddYears(1).ToProto() },
        };
    }
}
