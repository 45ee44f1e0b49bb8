using Jbk.Topologie;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Jbk.Bench;

/// <summary>
/// RabbitMQ and PostgreSQL of a distributed benchmark's own (scripts/infra.sh on free ports, in a folder PostgreSQL's
/// user may enter), with pgbench's simple-update commit rate as the limit of the run; removed when disposed.
/// </summary>
public sealed class EigenInfrastructuur : IAsyncDisposable
{
    private readonly string _map;

    public Dictionary<string, string> Omgeving { get; }
    public string InfraMap => Omgeving["JBK_INFRA_DIR"];

    /// <summary>PostgreSQL's connection string (no database), as scripts/infra.sh prints it.</summary>
    public string Postgres { get; private set; } = "";

    private EigenInfrastructuur(string map, Dictionary<string, string> omgeving) => (_map, Omgeving) = (map, omgeving);

    public static async Task<(EigenInfrastructuur Infra, double PgbenchTps)> StartAsync(string map)
    {
        var infra = await StartZonderLimietAsync(map);
        try
        {
            var postgres = new Npgsql.NpgsqlConnectionStringBuilder(infra.Postgres);
            var tps = await PgbenchAsync(map, postgres.Host!, postgres.Port.ToString(CultureInfo.InvariantCulture), postgres.Username!);
            Console.WriteLine($"  pgbench simple-update: {tps:0} commits/s");
            return (infra, tps);
        }
        catch
        {
            await infra.DisposeAsync();
            throw;
        }
    }

    /// <summary>The infrastructure alone, PostgreSQL with extra server options (<c>-c name=value ...</c>) where given.</summary>
    public static async Task<EigenInfrastructuur> StartZonderLimietAsync(string map, string? postgresOpties = null)
    {
        var configuratie = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        // Infrastructure and services in one block of free ports: the services use the base + 0..9 (gRPC) and + 100..109 (HTTP).
        var blok = VrijePoorten.Reeks(140);
        var infra = new EigenInfrastructuur(map, new Dictionary<string, string>
        {
            ["JBK_INFRA_DIR"] = Path.Combine(Path.GetTempPath(), $"jbk-bench-infra.{Guid.NewGuid():N}"),
            ["JBK_RABBIT_PORT"] = blok.ToString(), ["JBK_RABBIT_DIST_PORT"] = (blok + 1).ToString(),
            ["JBK_PG_PORT"] = (blok + 2).ToString(), ["JBK_POORT_BASIS"] = (blok + 10).ToString(),
            ["JBK_CONFIGURATION"] = configuratie, ["JBK_DRENTHE_NO_BUILD"] = "1", ["JBK_NO_BUILD"] = "1",
            ["JBK_PG_OPTIES"] = postgresOpties ?? "",
        });
        try
        {
            var uit = await Opdracht.DraaiAsync("infra", map, infra.Omgeving, TimeSpan.FromMinutes(5), "bash", "scripts/infra.sh", "up");
            var postgres = Regex.Match(uit, @"JBK_TEST_POSTGRES=(\S+)");
            infra.Postgres = postgres.Success ? postgres.Groups[1].Value
                : throw new InvalidOperationException($"scripts/infra.sh noemde geen PostgreSQL; zie {map}/infra.log.");
            return infra;
        }
        catch
        {
            await infra.DisposeAsync();
            throw;
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

    public async ValueTask DisposeAsync()
    {
        try { await Opdracht.DraaiAsync("infra-down", _map, Omgeving, TimeSpan.FromMinutes(2), "bash", "scripts/infra.sh", "down"); }
        catch (Exception ex) { Console.Error.WriteLine($"  infrastructure not stopped cleanly: {ex.Message}"); }
        try { Directory.Delete(InfraMap, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
