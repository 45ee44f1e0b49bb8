using System.Text;

namespace Jbk.Topologie;

/// <summary>
/// Prometheus's scrape configuration from the same topology: every process under job <c>jbk</c>, labelled
/// <c>service_name</c> (its service, also for replicas) so the four services stay apart in every query, with the
/// shipped rule files. Compose scrapes the containers on 8081; the local mode (scripts and the Prometheus test)
/// scrapes loopback ports.
/// </summary>
public static class PrometheusWeergave
{
    public const string Job = "jbk";

    /// <summary>docker compose: deploy/prometheus is mounted at /etc/prometheus, so the rules sit beside the config.</summary>
    public static string Compose() =>
        Configuratie(Topologie.Alle.Select(d => (d.Naam, $"{d.Naam}:8081")), "rules/*.yml", TimeSpan.FromSeconds(15));

    /// <summary>The local distributed mode: every process (replicas too) on its loopback HTTP port.</summary>
    public static string Lokaal(IEnumerable<Proces> processen, string regelMap, TimeSpan interval) =>
        Configuratie(processen.Select(p => (p.Dienst.Naam, $"127.0.0.1:{p.HttpPoort}")), Path.Combine(regelMap, "*.yml"), interval);

    /// <summary>The embedded platform: one process serves all four services; its series tell them apart by <c>dienst</c>.</summary>
    public static string Ingebed(string doel, string regelMap, TimeSpan interval) =>
        Configuratie([("platform", doel)], Path.Combine(regelMap, "*.yml"), interval);

    private static string Configuratie(IEnumerable<(string Dienst, string Doel)> doelen, string regels, TimeSpan interval)
    {
        var s = new StringBuilder("# Generated from services/Topologie (jbk topologie schrijf); do not edit: the topology tests compare.\n");
        s.Append("global:\n");
        s.Append($"  scrape_interval: {Duur(interval)}\n");
        s.Append($"  evaluation_interval: {Duur(interval)}\n");
        s.Append("rule_files:\n");
        s.Append($"  - {regels}\n");
        s.Append("scrape_configs:\n");
        s.Append($"  - job_name: {Job}\n");
        s.Append("    metrics_path: /metrics\n");
        s.Append("    static_configs:\n");
        foreach (var groep in doelen.GroupBy(d => d.Dienst))
        {
            s.Append("      - targets: [").Append(string.Join(", ", groep.Select(d => $"'{d.Doel}'"))).Append("]\n");
            s.Append("        labels:\n");
            s.Append($"          service_name: {groep.Key}\n");
        }
        return s.ToString();
    }

    private static string Duur(TimeSpan t) => t.TotalSeconds >= 1 && t.TotalSeconds % 1 == 0 ? $"{(int)t.TotalSeconds}s" : $"{(int)t.TotalMilliseconds}ms";
}
