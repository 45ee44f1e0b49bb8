using System.Globalization;
using System.Text.RegularExpressions;

namespace Jbk.Bench;

/// <summary>
/// P2: the Drenthe transfer end to end in the distributed mode, exactly as the README runs it
/// (<c>scripts/drenthe.sh N --gedistribueerd</c>: four services and the gateway as <c>scripts/distributed.sh</c> starts
/// them, PostgreSQL and RabbitMQ, the chain partners simulated at the accelerated tempo), on infrastructure of its own
/// (free ports, removed afterwards). The limit measured in the same run: PostgreSQL's simple-update commit rate (pgbench).
/// </summary>
public static class BulkBench
{
    public static async Task<IReadOnlyList<Meting>> MeetAsync(string werkmap, int aantal)
    {
        var map = Path.Combine(werkmap, "p2");
        var (infra, tps) = await EigenInfrastructuur.StartAsync(map);
        await using (infra)
        {
            var uitvoer = await Opdracht.DraaiAsync("drenthe", map, infra.Omgeving, TimeSpan.FromMinutes(60),
                "bash", "scripts/drenthe.sh", aantal.ToString(CultureInfo.InvariantCulture), "--gedistribueerd");
            double Fase(string naam) => Regex.Match(uitvoer, $@"\(fase {naam}: (\d+) ms\)") is { Success: true } m
                ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1000
                : throw new InvalidOperationException($"scripts/drenthe.sh noemde de duur van '{naam}' niet; zie {map}/drenthe.log.");
            var (laden, plannen, uitvoeren) = (Fase("laden"), Fase("plannen"), Fase("uitvoeren"));
            Console.WriteLine($"  {aantal} measures: loading {laden:0.0} s, planning {plannen:0.0} s, transfer {uitvoeren:0.0} s (every rule held)");
            return
            [
                new($"P2 distributed transfer of {aantal} measures", uitvoeren, "s", Doel: aantal == 388 ? "< 30 s" : null),
                new($"P2 distributed transfer rate ({aantal})", aantal / uitvoeren, "meas./s", tps, "pgbench simple-update commits/s"),
                new($"P2 distributed loading of {aantal} measures", laden, "s"),
                new($"P2 distributed planning of {aantal} measures", plannen, "s"),
            ];
        }
    }
}
