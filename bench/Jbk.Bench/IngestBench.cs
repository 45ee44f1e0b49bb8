using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Simulatie;

namespace Jbk.Bench;

/// <summary>
/// P4: registrations in the distributed mode (scripts/distributed.sh, through the gateway), 32 callers for the given
/// time, and how far capaciteit's view of the load lags behind them (from each registration's answer to the moment
/// capaciteit counts it, read every 50 ms). The limit: pgbench's simple-update commit rate on the same PostgreSQL.
/// </summary>
public static class IngestBench
{
    private const int Bellers = 32;
    private const string Gi = "JBF";

    public static async Task<IReadOnlyList<Meting>> MeetAsync(string werkmap, TimeSpan duur)
    {
        var map = Path.Combine(werkmap, "p4");
        var (infra, tps) = await EigenInfrastructuur.StartAsync(map);
        await using (infra)
        {
            await Opdracht.DraaiAsync("distributed-up", map, infra.Omgeving, TimeSpan.FromMinutes(5), "bash", "scripts/distributed.sh", "up");
            try { return await MeetOpPlatformAsync(Path.Combine(infra.InfraMap, "services"), duur, tps); }
            finally { await Opdracht.DraaiAsync("distributed-stop", map, infra.Omgeving, TimeSpan.FromMinutes(2), "bash", "scripts/distributed.sh", "stop"); }
        }
    }

    private static async Task<IReadOnlyList<Meting>> MeetOpPlatformAsync(string diensten, TimeSpan duur, double tps)
    {
        var gateway = File.ReadLines(Path.Combine(diensten, "processen")).Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(r => r[0] == "gateway")[2];
        using var kanaal = GrpcChannel.ForAddress($"http://127.0.0.1:{gateway}", new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        using var sleutel = SigningKeys.LoadPrivateKey(Path.Combine(diensten, "data", "keys", "jbk-signing-key.pem"));
        CallInvoker Als(Organisatie org)
        {
            var token = TokenMinter.Mint(sleutel, org, "benchmark", TimeSpan.FromMinutes(55));
            return kanaal.Intercept(m => { m.Add("Authorization", $"Bearer {token}"); return m; });
        }
        var maatregelen = new MaatregelService.MaatregelServiceClient(Als(Organisatie.Rvdk));
        var capaciteit = new CapaciteitService.CapaciteitServiceClient(Als(Organisatie.Operator));
        async Task<int> Geteld() => (await capaciteit.GeefBelastingAsync(new GeefBelastingRequest { GiCode = Gi })).LopendeMaatregelen;
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        RegistreerMaatregelRequest Verzoek(Random r) => new()
        {
            IdempotentieSleutel = Guid.NewGuid().ToString(), Type = MaatregelType.Ots.ToProto(), GiCode = Gi, Regio = "friesland",
            Startdatum = vandaag.AddDays(-10).ToProto(), Einddatum = vandaag.AddDays(-10).AddMonths(12).ToProto(),
            Jeugdige = new Jeugdige { Bsn = SynthetischeCaseload.Bsn(r), Geboortedatum = new DateOnly(2015, 3, 1).ToProto(), Gemeente = "GM0080" },
        };

        // Warm: one registration answered and counted before the clock starts.
        await maatregelen.RegistreerMaatregelAsync(Verzoek(new Random(0)));
        var begin = await WachtOpAsync(Geteld, n => n >= 1, TimeSpan.FromSeconds(60), "capaciteit telt de eerste registratie");

        var klok = Stopwatch.StartNew();
        var klaar = new ConcurrentBag<double>(); // seconds on the clock when each registration was answered
        var fouten = 0;
        var tellingen = new List<(double Op, int Aantal)>();
        using var stop = new CancellationTokenSource();
        var lezer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = await Geteld();
                lock (tellingen) tellingen.Add((klok.Elapsed.TotalSeconds, n - begin));
                await Task.Delay(50);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, Bellers).Select(b => Task.Run(async () =>
        {
            var r = new Random(1000 + b);
            while (klok.Elapsed < duur)
            {
                try
                {
                    await maatregelen.RegistreerMaatregelAsync(Verzoek(r));
                    klaar.Add(klok.Elapsed.TotalSeconds);
                }
                catch (RpcException) { Interlocked.Increment(ref fouten); }
            }
        })));
        var tijd = klok.Elapsed.TotalSeconds;
        var aantal = klaar.Count;
        await WachtOpAsync(async () => { lock (tellingen) return tellingen.Count > 0 ? tellingen[^1].Aantal : 0; }, n => n >= aantal,
            TimeSpan.FromSeconds(120), $"capaciteit telt alle {aantal} registraties");
        await stop.CancelAsync();
        await lezer;
        if (fouten > 0) throw new InvalidOperationException($"{fouten} registraties faalden; zie de logs in {diensten}.");
        // Every registration wrote the access log's hash chain from 32 callers at once: it must still be one chain.
        var keten = (await new MaatregelService.MaatregelServiceClient(Als(Organisatie.Operator)).ControleerToegangslogAsync(new ControleerToegangslogRequest())).Uitslag;
        if (!keten.Intact) throw new InvalidOperationException($"Het toegangslog van maatregelregistratie is na de belasting niet intact: {keten.Reden}");

        // The k-th registration answered is counted once capaciteit's count reaches k.
        var antwoorden = klaar.Order().ToList();
        var lags = antwoorden.Select((op, k) => tellingen.First(t => t.Aantal >= k + 1).Op - op).Select(s => Math.Max(0, s) * 1000).Order().ToList();
        var p99 = lags[(int)Math.Min(lags.Count - 1, Math.Ceiling(lags.Count * 0.99) - 1)];
        Console.WriteLine($"  {aantal} registrations in {tijd:0.0} s by {Bellers} callers: {aantal / tijd:0} /s; capaciteit's view lags p50 {lags[lags.Count / 2]:0} ms, p99 {p99:0} ms; access log chain intact ({keten.AantalRegels} entries)");
        return
        [
            new("P4 distributed registrations per second", aantal / tijd, "/s", tps, "pgbench simple-update commits/s", ">= 1,000 /s for 60 s"),
            new("P4 capacity view lag p99", p99, "ms", Doel: "< 1000 ms"),
        ];
    }

    private static async Task<int> WachtOpAsync(Func<Task<int>> lees, Func<int, bool> klaar, TimeSpan termijn, string wat)
    {
        var tot = DateTime.UtcNow + termijn;
        while (DateTime.UtcNow < tot)
        {
            var n = await lees();
            if (klaar(n)) return n;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Na {termijn.TotalSeconds:0} s nog niet: {wat}.");
    }
}
