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
        var configuratie = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var omgeving = new Dictionary<string, string>
        {
            // Not under the benchmark's own folder (only its owner may enter it): PostgreSQL runs as its own user.
            ["JBK_INFRA_DIR"] = Path.Combine(Path.GetTempPath(), $"jbk-p2-infra.{Guid.NewGuid():N}"), ["JBK_RABBIT_PORT"] = Kindproces.VrijePoort().ToString(),
            ["JBK_RABBIT_DIST_PORT"] = Kindproces.VrijePoort().ToString(), ["JBK_PG_PORT"] = Kindproces.VrijePoort().ToString(),
            ["JBK_POORT_BASIS"] = Kindproces.VrijePoort().ToString(), ["JBK_CONFIGURATION"] = configuratie, ["JBK_DRENTHE_NO_BUILD"] = "1",
        };
        try
        {
            var infra = await Opdracht.DraaiAsync("infra", map, omgeving, TimeSpan.FromMinutes(5), "bash", "scripts/infra.sh", "up");
            var postgres = Regex.Match(infra, @"JBK_TEST_POSTGRES=Host=([^;]+);Port=(\d+);Username=(\S+)");
            if (!postgres.Success) throw new InvalidOperationException($"scripts/infra.sh noemde geen PostgreSQL; zie {map}/infra.log.");
            var tps = await PgbenchAsync(map, postgres.Groups[1].Value, postgres.Groups[2].Value, postgres.Groups[3].Value);
            Console.WriteLine($"  pgbench simple-update: {tps:0} commits/s");

            var uitvoer = await Opdracht.DraaiAsync("drenthe", map, omgeving, TimeSpan.FromMinutes(60),
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
        finally
        {
            try { await Opdracht.DraaiAsync("infra-down", map, omgeving, TimeSpan.FromMinutes(2), "bash", "scripts/infra.sh", "down"); }
            catch (Exception ex) { Console.Error.WriteLine($"  infrastructure not stopped cleanly: {ex.Message}"); }
            try { Directory.Delete(omgeving["JBK_INFRA_DIR"], recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>pgbench's simple-update test (-N) on a database of its own: commits per second PostgreSQL takes here.</summary>
    private static async Task<double> PgbenchAsync(string map, string host, string poort, string gebruiker)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists)
            .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() ?? throw new InvalidOperationException("Geen PostgreSQL in /usr/lib/postgresql.");
        string[] verbinding = ["-h", host, "-p", poort, "-U", gebruiker];
        var leeg = new Dictionary<string, string>();
        await Opdracht.DraaiAsync("createdb", map, leeg, TimeSpan.FromMinutes(1), Path.Combine(bin, "createdb"), [.. verbinding, "jbk_pgbench"]);
        await Opdracht.DraaiAsync("pgbench-init", map, leeg, TimeSpan.FromMinutes(5), Path.Combine(bin, "pgbench"), [.. verbinding, "-i", "-q", "-s", "10", "jbk_pgbench"]);
        var uit = await Opdracht.DraaiAsync("pgbench", map, leeg, TimeSpan.FromMinutes(2), Path.Combine(bin, "pgbench"),
            [.. verbinding, "-N", "-c", "8", "-j", "2", "-T", "10", "jbk_pgbench"]);
        var tps = Regex.Match(uit, @"tps = ([0-9.]+)");
        return tps.Success ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench noemde geen tps; zie {map}/pgbench.log.");
    }
}
