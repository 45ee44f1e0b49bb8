using System.Globalization;
using System.Text;
using Jbk.Topologie;

namespace Jbk.Bench.Queryplannen;

/// <summary>
/// The plans of every statement the services send during the Drenthe transfer in the distributed mode (as P2 runs it),
/// taken by PostgreSQL itself (auto_explain, every statement, with the rows each node read) and written out per
/// statement. The figures, per database: the rows the plans read and threw away per measure transferred (what a missing
/// index costs), and the rows sequential scans read; beside them the statements that threw away most, with how often
/// they read through a table (<see cref="Doorzoekregel"/>).
/// </summary>
public static class QueryplanBench
{
    private const string Logmap = "queryplannen";

    // Every statement's plan with its actual rows (not its timing, which costs most) as one JSON log line each.
    private static readonly string PostgresOpties = string.Join(' ',
        "-c shared_preload_libraries=auto_explain", "-c auto_explain.log_min_duration=0", "-c auto_explain.log_analyze=on",
        "-c auto_explain.log_timing=off", "-c auto_explain.log_format=json", "-c logging_collector=on",
        "-c log_destination=jsonlog", $"-c log_directory={Logmap}", "-c log_file_mode=0644");

    public static async Task<IReadOnlyList<Meting>> MeetAsync(string werkmap, int aantal)
    {
        var map = Path.Combine(werkmap, "queryplannen");
        IReadOnlyList<Queryoverzicht> overzicht;
        await using (var infra = await EigenInfrastructuur.StartZonderLimietAsync(map, PostgresOpties))
        {
            await Opdracht.DraaiAsync("drenthe", map, infra.Omgeving, TimeSpan.FromMinutes(60),
                "bash", "scripts/drenthe.sh", aantal.ToString(CultureInfo.InvariantCulture), "--gedistribueerd");
            var logs = Path.Combine(infra.InfraMap, "postgres", "data", Logmap);
            await WachtTotStilAsync(logs, TimeSpan.FromSeconds(30));
            // Kept beside the report, for a person who wants more than the summary: every plan whole, and nothing else of
            // PostgreSQL's log (its errors name key values, a BSN among them; a plan names the statement, not its values).
            var bewaard = Path.Combine(map, "plannen.jsonl");
            await File.WriteAllLinesAsync(bewaard, Directory.GetFiles(logs, "*.json").Order(StringComparer.Ordinal).SelectMany(File.ReadLines)
                .Where(r => r.Contains("\"message\":\"duration: ", StringComparison.Ordinal)));
            var regels = File.ReadLines(bewaard);
            var diensten = Topologie.Topologie.Diensten.ToDictionary(d => $"jbk_{d.Naam}", d => d.Naam);
            overzicht = Queryoverzicht.Van(Uitvoering.UitLog(regels, diensten.ContainsKey));
        }
        var rapport = Path.Combine(map, "queryplannen.md");
        await File.WriteAllTextAsync(rapport, Rapport(overzicht, aantal));
        Console.WriteLine($"  {overzicht.Count} statements, {overzicht.Sum(q => q.Keren):N0} executions in {overzicht.Select(q => q.Database).Distinct().Count()} databases; every plan in {rapport}");
        var metingen = new List<Meting>();
        foreach (var db in overzicht.GroupBy(q => q.Database))
        {
            var (weg, seq) = (db.Sum(q => q.Weggegooid) / (double)aantal, db.Sum(q => q.SequentieelGelezen) / (double)aantal);
            Console.WriteLine($"  {db.Key}: {weg:0} rows thrown away and {seq:0} read by sequential scans per measure; "
                + $"{db.Sum(q => q.KerenDoorgelezen)} executions read through a table (>= {Doorzoekregel.Drempel:N0} rows thrown away, more than kept)");
            metingen.Add(new($"Query plans ({aantal}): rows thrown away per measure, {db.Key[4..]}", weg, "rows"));
            metingen.Add(new($"Query plans ({aantal}): rows read by seq. scans per measure, {db.Key[4..]}", seq, "rows"));
        }
        Console.WriteLine("  the statements that threw away most:");
        foreach (var q in overzicht.OrderByDescending(q => q.Weggegooid).Take(5))
            Console.WriteLine($"    {q.Database}: {q.Weggegooid / (double)aantal:0} per measure, {q.Keren} executions, {q.KerenDoorgelezen} read through"
                + $"{(q.Ergste is { } e ? $" (worst: {e} threw away {e.Weggegooid:N0} to keep {e.Gehouden:N0})" : "")}: {q.Kort(120)}");
        return metingen;
    }

    /// <summary>The logging collector writes what the backends sent it; read once the files stop growing.</summary>
    private static async Task WachtTotStilAsync(string map, TimeSpan termijn)
    {
        long Grootte() => Directory.Exists(map) ? Directory.GetFiles(map).Sum(f => new FileInfo(f).Length) : 0;
        var einde = DateTime.UtcNow + termijn;
        for (var vorige = -1L; Grootte() is var nu && nu != vorige; vorige = nu)
        {
            if (DateTime.UtcNow > einde) throw new TimeoutException($"PostgreSQL's log in {map} bleef {termijn.TotalSeconds:0} s groeien na de overdracht.");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static string Rapport(IReadOnlyList<Queryoverzicht> overzicht, int aantal)
    {
        var md = new StringBuilder($"# Query plans of the Drenthe transfer ({aantal} measures, distributed)\n\n");
        foreach (var db in overzicht.GroupBy(q => q.Database))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {db.Key}\n");
            foreach (var (q, i) in db.Select((q, i) => (q, i + 1)))
            {
                var doorgelezen = q.Ergste is not { } e ? ""
                    : $"; read through a table {q.KerenDoorgelezen}x, worst: {e} threw away {e.Weggegooid:N0} rows to keep {e.Gehouden:N0}";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"### {i}. {q.Keren} executions, {q.Weggegooid:N0} rows thrown away, sequential scans read {q.SequentieelGelezen:N0}{doorgelezen}");
                md.AppendLine(CultureInfo.InvariantCulture, $"\nScans: {string.Join("; ", q.Scans)}\n\n```sql\n{q.Tekst.Trim()}\n```\n");
            }
        }
        return md.ToString();
    }
}
