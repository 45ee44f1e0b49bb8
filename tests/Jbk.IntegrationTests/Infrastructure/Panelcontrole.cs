using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// Asks a running Prometheus every query the shipped dashboards and rules make: every panel target (template variables
/// at "all", Grafana's rate interval at 1m), every variable's label values, and every figure each loaded rule reads.
/// Returns what has no data (with where it is), so a test can say exactly which panel or rule is empty.
/// </summary>
public static partial class Panelcontrole
{
    private static readonly string Dashboards = Path.Combine(TestEnvironment.RepoRoot, "deploy", "grafana", "dashboards");
    private static readonly string Regelbestand = Path.Combine(TestEnvironment.RepoRoot, "deploy", "prometheus", "rules", "jbk-alerts.yml");

    public sealed record Vraag(string Waar, string Promql);

    public sealed record Uitkomst(int Panelvragen, int Variabelen, int Regels, IReadOnlyList<Vraag> ZonderData);

    /// <summary>
    /// Waits (up to <paramref name="termijn"/>) until every query has data, except what <paramref name="magLeegZijn"/> allows,
    /// then reports what is still empty. A rule that Prometheus could not evaluate counts as empty too.
    /// </summary>
    public static async Task<Uitkomst> ControleerAsync(PrometheusProces prometheus, TimeSpan termijn, Func<string, bool>? magLeegZijn = null)
    {
        magLeegZijn ??= _ => false;
        var panelen = DashboardVragen().ToList();
        var regels = await GeladenRegelsAsync(prometheus);
        var inBestand = File.ReadLines(Regelbestand).Count(r => Regex.IsMatch(r, @"^\s*- (alert|record):"));
        if (inBestand != regels.Count) throw new InvalidOperationException($"Prometheus laadde {regels.Count} regels, het bestand heeft er {inBestand}");
        var regelvragen = regels.SelectMany(r => r.Gezond
            ? (r.Soort == "recording" ? [r.Naam] : Metrieken(r.Query)).Select(m => new Vraag($"regel {r.Naam}", m))
            : [new Vraag($"regel {r.Naam} ({r.Fout})", r.Query)]).ToList();
        var vragen = panelen.Concat(regelvragen).Where(v => !magLeegZijn(v.Promql)).ToList();

        var tot = DateTime.UtcNow + termijn;
        List<Vraag> leeg;
        while (true)
        {
            leeg = [];
            foreach (var v in vragen)
                if ((await prometheus.QueryAsync(v.Promql)).GetArrayLength() == 0) leeg.Add(v);
            if (leeg.Count == 0 || DateTime.UtcNow > tot) break;
            await Task.Delay(2000);
        }
        var variabelen = VariabeleVragen().ToList();
        foreach (var (waar, metriek, label) in variabelen)
        {
            var waarden = await prometheus.GetAsync($"api/v1/label/{label}/values?match[]={Uri.EscapeDataString(metriek)}");
            if (waarden.GetArrayLength() == 0) leeg.Add(new Vraag(waar, $"label_values({metriek}, {label})"));
        }
        return new Uitkomst(panelen.Count, variabelen.Count, regels.Count, leeg);
    }

    private static IEnumerable<Vraag> DashboardVragen()
    {
        foreach (var bestand in Directory.GetFiles(Dashboards, "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(bestand));
            foreach (var panel in json.RootElement.GetProperty("panels").EnumerateArray())
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                var expr = target.GetProperty("expr").GetString()!;
                yield return new Vraag($"{Path.GetFileName(bestand)} / {panel.GetProperty("title").GetString()}",
                    Variabele().Replace(expr.Replace("$__rate_interval", "1m"), ".*"));
            }
        }
    }

    private static IEnumerable<(string Waar, string Metriek, string Label)> VariabeleVragen()
    {
        foreach (var bestand in Directory.GetFiles(Dashboards, "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(bestand));
            foreach (var v in json.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
            {
                var waar = $"{Path.GetFileName(bestand)} ${v.GetProperty("name").GetString()}";
                var m = LabelValues().Match(v.GetProperty("query").GetProperty("query").GetString()!);
                if (!m.Success) throw new InvalidOperationException($"{waar} is geen label_values(metriek, label)");
                yield return (waar, m.Groups[1].Value, m.Groups[2].Value);
            }
        }
    }

    private sealed record Regel(string Naam, string Soort, string Query, bool Gezond, string? Fout);

    /// <summary>The rules Prometheus loaded, once each was evaluated at least once.</summary>
    private static async Task<IReadOnlyList<Regel>> GeladenRegelsAsync(PrometheusProces prometheus)
    {
        var tot = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var data = await prometheus.GetAsync("api/v1/rules");
            var regels = data.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
            if (regels.Count > 0 && regels.All(r => !r.GetProperty("lastEvaluation").GetString()!.StartsWith("0001")))
                return regels.Select(r => new Regel(r.GetProperty("name").GetString()!, r.GetProperty("type").GetString()!, r.GetProperty("query").GetString()!,
                    r.GetProperty("health").GetString() == "ok", r.TryGetProperty("lastError", out var e) ? e.GetString() : null)).ToList();
            if (DateTime.UtcNow > tot) throw new TimeoutException($"Prometheus evaluated not every rule within 30 s:\n{data}");
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// The metric names a PromQL expression reads: what remains after strings, label matchers, ranges, label lists of
    /// by/without/on/ignoring, function names and keywords are taken out.
    /// </summary>
    public static IEnumerable<string> Metrieken(string promql)
    {
        var zonder = Regex.Replace(promql, "\"[^\"]*\"", "");
        zonder = Regex.Replace(zonder, @"\{[^}]*\}|\[[^\]]*\]", " ");
        zonder = Regex.Replace(zonder, @"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ");
        string[] sleutelwoorden = ["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right"];
        return Regex.Matches(zonder, @"(?<![\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(?!\s*\()")
            .Select(m => m.Groups[1].Value).Where(n => !sleutelwoorden.Contains(n)).Distinct();
    }

    [GeneratedRegex(@"\$(gi|regio|dienst)\b")]
    private static partial Regex Variabele();

    [GeneratedRegex(@"^label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,\s*(\w+)\s*\)$")]
    private static partial Regex LabelValues();
}
