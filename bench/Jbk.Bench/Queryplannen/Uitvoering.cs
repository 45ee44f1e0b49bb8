using System.Text.Json;

namespace Jbk.Bench.Queryplannen;

/// <summary>
/// One statement as PostgreSQL executed it, with the plan it took and what each node did (auto_explain with
/// log_analyze): read from the server's JSON log, so it is the statement the service sent, not one written for the
/// benchmark.
/// </summary>
public sealed record Uitvoering(string Database, string Tekst, JsonElement Plan)
{
    /// <summary>
    /// The executions in the lines of PostgreSQL's JSON log (log_destination=jsonlog) of the databases named; other lines
    /// (connections, errors, pgbench's own database) are passed over.
    /// </summary>
    public static IEnumerable<Uitvoering> UitLog(IEnumerable<string> regels, Func<string, bool> database)
    {
        foreach (var regel in regels)
        {
            if (!regel.StartsWith('{')) continue;
            using var entry = JsonDocument.Parse(regel);
            var e = entry.RootElement;
            if (!e.TryGetProperty("dbname", out var db) || db.GetString() is not { } naam || !database(naam)) continue;
            if (!e.TryGetProperty("message", out var m) || m.GetString() is not { } bericht) continue;
            var plan = bericht.IndexOf("plan:\n", StringComparison.Ordinal);
            if (!bericht.StartsWith("duration:", StringComparison.Ordinal) || plan < 0) continue;
            using var uitleg = JsonDocument.Parse(bericht.AsMemory(plan + "plan:\n".Length));
            yield return new Uitvoering(naam, uitleg.RootElement.GetProperty("Query Text").GetString() ?? "",
                uitleg.RootElement.GetProperty("Plan").Clone());
        }
    }

    /// <summary>Every node that reads a table or an index, and every join, with what it read and kept over all its loops.</summary>
    public IReadOnlyList<Scan> Scans() => [.. Knopen(Plan).Where(Scan.Leest).Select(Scan.Van)];

    internal static IEnumerable<JsonElement> Knopen(JsonElement knoop)
    {
        yield return knoop;
        if (knoop.TryGetProperty("Plans", out var onder))
            foreach (var kind in onder.EnumerateArray())
                foreach (var k in Knopen(kind)) yield return k;
    }
}

/// <summary>
/// A node that reads a table (Seq Scan, Index Scan, Bitmap Heap Scan, ...) or joins what is read beneath it (its tables
/// joined by " x "), its rows totalled over its loops: what it passed on and what it threw away after reading it. A
/// scan throws away what its filter removes; a join what its join filter removes, and a hash or merge join also the
/// rows of its larger input that found no partner (a table read whole to be matched against a few rows).
/// </summary>
public sealed record Scan(string Soort, string Tabel, string? Index, long Gehouden, long Weggegooid)
{
    private static readonly string[] Joins = ["Hash Join", "Merge Join", "Nested Loop"];

    public bool Sequentieel => Soort == "Seq Scan";

    public static bool Leest(JsonElement knoop) =>
        knoop.TryGetProperty("Relation Name", out _) || Joins.Contains(knoop.GetProperty("Node Type").GetString());

    public static Scan Van(JsonElement knoop)
    {
        var soort = knoop.GetProperty("Node Type").GetString()!;
        var tabel = knoop.TryGetProperty("Relation Name", out var r) ? r.GetString()!
            : string.Join(" x ", Uitvoering.Knopen(knoop).Skip(1).Select(k => k.TryGetProperty("Relation Name", out var t) ? t.GetString() : null).OfType<string>());
        var gehouden = Totaal(knoop, "Actual Rows");
        var weggegooid = Totaal(knoop, "Rows Removed by Filter") + Totaal(knoop, "Rows Removed by Join Filter") + Totaal(knoop, "Rows Removed by Index Recheck");
        if (soort is "Hash Join" or "Merge Join" && knoop.TryGetProperty("Plans", out var invoer))
            weggegooid = Math.Max(weggegooid, invoer.EnumerateArray().Max(i => Totaal(i, "Actual Rows")) - gehouden);
        return new Scan(soort, tabel, knoop.TryGetProperty("Index Name", out var i) ? i.GetString() : null, gehouden, weggegooid);
    }

    // EXPLAIN ANALYZE gives a node's rows per loop: the totals are times its loops.
    private static long Totaal(JsonElement knoop, string naam) =>
        knoop.TryGetProperty(naam, out var w) && w.ValueKind == JsonValueKind.Number
            ? (long)(w.GetDouble() * (knoop.TryGetProperty("Actual Loops", out var l) && l.GetDouble() > 0 ? l.GetDouble() : 1))
            : 0;

    public override string ToString() => $"{Soort} on {Tabel}{(Index is null ? "" : $" using {Index}")}";
}
