using Jbk.Topologie;
using Grpc.Net.Client;
using Jbk.Bench.V1;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;

namespace Jbk.Bench;

/// <summary>
/// P1: the RvdK's question (VraagBeschikbaarheid, an LVB OTS in Drenthe) on the embedded platform, against a bare
/// grpc-dotnet echo in its own process on the same machine in the same run, at 16 and 64 concurrent callers.
/// </summary>
public static class BeschikbaarheidBench
{
    public static async Task<IReadOnlyList<Meting>> MeetAsync(Embedded platform, string werkmap, TimeSpan duur)
    {
        var poort = VrijePoorten.Een();
        await using var echoProces = Kindproces.Start("echo", Path.Combine(werkmap, "echo"), new Dictionary<string, string>(),
            typeof(EchoServer).Assembly.Location, "echo-server", poort.ToString());
        using var echoKanaal = GrpcChannel.ForAddress($"http://127.0.0.1:{poort}", new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var echo = new EchoService.EchoServiceClient(echoKanaal);
        await echoProces.WachtTotKlaarAsync("de echo-server", async () => (await echo.EchoAsync(new EchoRequest { Tekst = "?" })).Tekst == "?", TimeSpan.FromSeconds(60));

        var rvdk = platform.Capaciteit(Organisatie.Rvdk);
        var vraag = new VraagBeschikbaarheidRequest { Regio = "drenthe", Type = MaatregelType.Ots.ToProto(), Doelgroepen = { "lvb" } };
        var antwoord = await rvdk.VraagBeschikbaarheidAsync(vraag);
        Console.WriteLine($"  availability answers {antwoord.Kandidaten.Count} candidates, {antwoord.Uitgesloten.Count} excluded");

        var metingen = new List<Meting>();
        foreach (var gelijktijdig in new[] { 16, 64 })
        {
            var grens = await Belasting.MeetAsync(async () => await echo.EchoAsync(new EchoRequest { Tekst = "beschikbaarheid" }), gelijktijdig, duur);
            var vraagUitkomst = await Belasting.MeetAsync(async () => await rvdk.VraagBeschikbaarheidAsync(vraag), gelijktijdig, duur);
            Console.WriteLine($"  echo          {grens}");
            Console.WriteLine($"  availability  {vraagUitkomst}");
            metingen.Add(new Meting($"P1 availability calls/s at {gelijktijdig} concurrent", vraagUitkomst.PerSeconde, "calls/s", grens.PerSeconde, "bare echo", ">= 0.6"));
            metingen.Add(new Meting($"P1 availability p99 at {gelijktijdig} concurrent", vraagUitkomst.P99Ms, "ms", grens.P99Ms, "bare echo p99"));
            if (vraagUitkomst.Fouten > 0) throw new InvalidOperationException($"{vraagUitkomst.Fouten} availability calls failed at {gelijktijdig} concurrent; see the platform log.");
        }
        // The goal's second half: p99 below 5 ms at half the echo's rate, with the callers that rate needs.
        return metingen;
    }
}
