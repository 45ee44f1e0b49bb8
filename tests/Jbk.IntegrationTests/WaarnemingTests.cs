using System.Text.Json;
using System.Text.RegularExpressions;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Jbk.IntegrationTests;

/// <summary>
/// The operators' view against the running platform: every panel of every shipped dashboard and every shipped alert
/// has data in a real Prometheus; refusals are counted under their gRPC code; the figures survive a restart.
/// </summary>
[Collection(WaarnemingsCollection.Name)]
public sealed partial class WaarnemingTests(WaarnemingsPlatform w, ITestOutputHelper output)
{
    private static readonly string Dashboards = Path.Combine(TestEnvironment.RepoRoot, "deploy", "grafana", "dashboards");

    [Fact]
    public async Task Every_panel_of_every_dashboard_and_every_alert_rule_returns_data_in_Prometheus()
    {
        await w.VerkeerAsync();
        var vragen = DashboardVragen().ToList();
        Assert.True(vragen.Count >= 25, $"{vragen.Count} panel queries");

        // Scraped every second and rules evaluated every second: wait until every query has data, then say which has none.
        var leeg = vragen;
        var tot = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            leeg = [];
            foreach (var v in vragen)
                if ((await w.Prometheus.QueryAsync(v.Promql)).GetArrayLength() == 0) leeg.Add(v);
            if (leeg.Count == 0 || DateTime.UtcNow > tot) break;
            await Task.Delay(2000);
        }
        Assert.True(leeg.Count == 0, "Zonder data:\n" + string.Join('\n', leeg.Select(v => $"{v.Waar}: {v.Promql}")));

        var variabelen = VariabeleVragen().ToList();
        foreach (var (waar, metriek, label) in variabelen)
        {
            var waarden = await w.Prometheus.GetAsync($"api/v1/label/{label}/values?match[]={Uri.EscapeDataString(metriek)}");
            Assert.True(waarden.GetArrayLength() > 0, $"{waar}: label_values({metriek}, {label}) is leeg");
        }

        var regels = await GeladenRegelsAsync();
        var inBestand = File.ReadLines(Path.Combine(TestEnvironment.RepoRoot, "deploy", "prometheus", "rules", "jbk-alerts.yml"))
            .Count(r => Regex.IsMatch(r, @"^\s*- (alert|record):"));
        Assert.Equal(inBestand, regels.Count);
        foreach (var regel in regels)
        {
            Assert.True(regel.Gezond, $"{regel.Naam}: {regel.Fout}");
            // The level the rule judges must be measured now; an alert may stay silent, its figures may not be missing.
            var metrieken = regel.Soort == "recording" ? [regel.Naam] : Metrieken(regel.Query).ToList();
            Assert.NotEmpty(metrieken);
            foreach (var metriek in metrieken)
                Assert.True((await w.Prometheus.QueryAsync(metriek)).GetArrayLength() > 0, $"{regel.Naam}: {metriek} heeft geen data (in {regel.Query})");
        }
        output.WriteLine($"{vragen.Count} panelvragen, {variabelen.Count} variabelen en {regels.Count} regels met data");
    }

    [Fact]
    public async Task A_refusal_and_an_unknown_id_are_counted_under_their_gRPC_status()
    {
        await w.VerkeerAsync();
        await w.WeigeringenAsync();
        await w.Platform.CapaciteitClient(Organisatie.Rvdk).VraagBeschikbaarheidAsync(new VraagBeschikbaarheidRequest { Regio = "drenthe", Type = MaatregelType.Ots.ToProto() });
        static bool Geteld(IReadOnlyDictionary<string, string> metrics, string methode, string status) => metrics.Any(m =>
            m.Key.StartsWith("jbk_grpc_server_duur_seconds_count{", StringComparison.Ordinal)
            && m.Key.Contains($"rpc_method=\"{methode}\"") && m.Key.Contains($"grpc_status=\"{status}\"") && double.Parse(m.Value) >= 1);

        await Eventually.HoldsAsync(async () => Geteld(await WaarnemingsPlatform.MetricsAsync(w.Platform.Overdracht), "PlanScenario", "PERMISSION_DENIED"),
            "PlanScenario by a GI counted as PERMISSION_DENIED");
        await Eventually.HoldsAsync(async () => Geteld(await WaarnemingsPlatform.MetricsAsync(w.Platform.Maatregelregistratie), "GeefMaatregel", "NOT_FOUND"),
            "GeefMaatregel of an unknown id counted as NOT_FOUND");
        await Eventually.HoldsAsync(async () => Geteld(await WaarnemingsPlatform.MetricsAsync(w.Platform.Capaciteit), "ListInstellingen", "UNAUTHENTICATED"),
            "a call without a token counted as UNAUTHENTICATED");
        var ok = await WaarnemingsPlatform.MetricsAsync(w.Platform.Capaciteit);
        Assert.True(Geteld(ok, "VraagBeschikbaarheid", "OK"), "availability questions counted as OK");
        Assert.DoesNotContain(ok.Keys, k => k.Contains("grpc_status=\"OK\"") && k.Contains("rpc_method=\"ListInstellingen\""));
    }

    [Fact]
    public async Task The_domain_figures_come_back_with_the_same_values_after_a_restart()
    {
        await w.VerkeerAsync();
        // A staffing figure only this test sets, so the capacity it gives is known.
        await w.Platform.CapaciteitClient(Organisatie.Operator).StelBezettingInAsync(new StelBezettingInRequest
        {
            Bezetting = new Bezetting { GiCode = "JBB", FteTotaal = 7, Norm = 12, Opleidingsfactor = 0.5 },
        });
        var diensten = new[] { w.Platform.Capaciteit, w.Platform.Overdracht, w.Platform.Maatregelregistratie };
        var voor = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        await Eventually.HoldsAsync(async () =>
            (await WaarnemingsPlatform.MetricsAsync(w.Platform.Capaciteit)).Any(m => m.Key.StartsWith("jbk_gi_capaciteit{") && m.Key.Contains("gi=\"JBB\"") && m.Value == "84"),
            "capaciteit measured JBB's capacity of 7 FTE x 12 = 84", TimeSpan.FromSeconds(40));
        foreach (var d in diensten) voor[d.Name] = Stand(await WaarnemingsPlatform.MetricsAsync(d));
        Assert.Contains(voor["overdracht"], m => m.Key.StartsWith("jbk_scenario_maatregelen{") && m.Key.Contains("status=\"voltooid\"") && m.Value == WaarnemingsPlatform.Aantal.ToString());
        Assert.Contains(voor["maatregelregistratie"], m => m.Key.StartsWith("jbk_termijnen{") && m.Value != "0");

        foreach (var d in diensten)
        {
            d.Kill();
            await w.Platform.StartAsync(d);
        }
        foreach (var d in diensten)
        {
            IReadOnlyDictionary<string, string> na = new Dictionary<string, string>();
            await Eventually.HoldsAsync(async () => voor[d.Name].Keys.All((na = Stand(await WaarnemingsPlatform.MetricsAsync(d))).ContainsKey),
                $"{d.Name} reports its figures again after the restart", TimeSpan.FromSeconds(40));
            var anders = voor[d.Name].Where(m => na[m.Key] != m.Value).Select(m => $"{m.Key}: {m.Value} -> {na[m.Key]}").ToList();
            Assert.True(anders.Count == 0, $"{d.Name} na herstart:\n" + string.Join('\n', anders));
            output.WriteLine($"{d.Name}: {voor[d.Name].Count} reeksen gelijk na herstart");
        }
    }

    [Theory]
    [InlineData("-(max by (gi) (jbk_gi_vrij)) > 0 and on (gi) max by (gi) (jbk_gi_capaciteit) > 0", "jbk_gi_vrij jbk_gi_capaciteit")]
    [InlineData("sum by (dienst) (rate(jbk_grpc_server_duur_seconds_count{grpc_status=~\"INTERNAL|UNKNOWN\"}[5m])) / sum(rate(x[5m])) > 0.05", "jbk_grpc_server_duur_seconds_count x")]
    [InlineData("jbk:wachtend_langer_dan_15_werkdagen > 0", "jbk:wachtend_langer_dan_15_werkdagen")]
    [InlineData("up{job=\"jbk\"} == 0", "up")]
    public void The_metrics_an_expression_reads_are_found(string promql, string verwacht) =>
        Assert.Equal(verwacht.Split(' '), Metrieken(promql));

    /// <summary>The figures of the chain measured from the database (no ages, no counters of this process's own calls).</summary>
    private static Dictionary<string, string> Stand(IReadOnlyDictionary<string, string> metrics) => metrics
        .Where(m => Regex.IsMatch(m.Key, "^jbk_(gi_|regio_|maatregelen_|termijnen|overdrachten|scenario_|clientenstops)") && !m.Key.Contains("_seconden"))
        .ToDictionary(m => m.Key, m => m.Value);

    private sealed record Vraag(string Waar, string Promql);

    /// <summary>Every target of every panel, with the template variables at "all" and Grafana's rate interval at 1m.</summary>
    private static IEnumerable<Vraag> DashboardVragen()
    {
        foreach (var bestand in Directory.GetFiles(Dashboards, "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(bestand));
            foreach (var panel in json.RootElement.GetProperty("panels").EnumerateArray())
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                var expr = target.GetProperty("expr").GetString()!;
                var promql = Variabele().Replace(expr.Replace("$__rate_interval", "1m"), ".*");
                yield return new Vraag($"{Path.GetFileName(bestand)} / {panel.GetProperty("title").GetString()}", promql);
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
                var m = LabelValues().Match(v.GetProperty("query").GetProperty("query").GetString()!);
                Assert.True(m.Success, $"{bestand}: variabele {v.GetProperty("name")} is geen label_values(metriek, label)");
                yield return ($"{Path.GetFileName(bestand)} ${v.GetProperty("name").GetString()}", m.Groups[1].Value, m.Groups[2].Value);
            }
        }
    }

    private sealed record Regel(string Naam, string Soort, string Query, bool Gezond, string? Fout);

    /// <summary>The rules Prometheus loaded, once each was evaluated at least once.</summary>
    private async Task<IReadOnlyList<Regel>> GeladenRegelsAsync()
    {
        var tot = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var data = await w.Prometheus.GetAsync("api/v1/rules");
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
    internal static IEnumerable<string> Metrieken(string promql)
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
