using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Jbk.UnitTests.Waarneming;

/// <summary>
/// The shipped dashboards and alert rules as Grafana and Prometheus read them (Grafana is not installable here: its
/// JSON is checked for what provisioning needs). Whether every panel and rule has data is proven against a running
/// platform in the integration tests (WaarnemingTests).
/// </summary>
public sealed partial class DashboardEnRegelTests
{
    private static readonly string Deploy = Path.Combine(Repo.Root, "deploy");

    private static IEnumerable<(string Bestand, JsonElement Dashboard)> Dashboards() =>
        Directory.GetFiles(Path.Combine(Deploy, "grafana", "dashboards"), "*.json")
            .Select(f => (Path.GetFileName(f), JsonDocument.Parse(File.ReadAllText(f)).RootElement));

    private static string DatasourceUid()
    {
        var yaml = File.ReadAllText(Path.Combine(Deploy, "grafana", "provisioning", "datasources", "prometheus.yaml"));
        return Regex.Match(yaml, @"uid:\s*([\w-]+)").Groups[1].Value;
    }

    [Fact]
    public void The_four_dashboards_exist_with_unique_uids_a_Dutch_title_and_a_description()
    {
        var dashboards = Dashboards().ToList();
        Assert.Equal(["jbk-clientenstops", "jbk-keten", "jbk-overdrachten", "jbk-platform"],
            dashboards.Select(d => d.Dashboard.GetProperty("uid").GetString()).Order());
        Assert.All(dashboards, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Dashboard.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(d.Dashboard.GetProperty("description").GetString()));
        });
    }

    [Fact]
    public void Every_panel_names_the_provisioned_datasource_says_what_it_means_and_uses_only_defined_variables()
    {
        var uid = DatasourceUid();
        Assert.Equal("jbk-prometheus", uid);
        foreach (var (bestand, d) in Dashboards())
        {
            var variabelen = d.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToHashSet();
            foreach (var v in d.GetProperty("templating").GetProperty("list").EnumerateArray())
            {
                Assert.Equal(uid, v.GetProperty("datasource").GetProperty("uid").GetString());
                Assert.Matches(@"^label_values\(\w+, \w+\)$", v.GetProperty("query").GetProperty("query").GetString());
            }
            var panels = d.GetProperty("panels").EnumerateArray().ToList();
            Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
            foreach (var p in panels)
            {
                var titel = p.GetProperty("title").GetString();
                var waar = $"{bestand} / {titel}";
                Assert.False(string.IsNullOrWhiteSpace(titel), bestand);
                Assert.True(p.GetProperty("description").GetString()!.Length > 40, $"{waar}: de beschrijving zegt niet wat het paneel voor de keten betekent");
                Assert.Equal(uid, p.GetProperty("datasource").GetProperty("uid").GetString());
                var targets = p.GetProperty("targets").EnumerateArray().ToList();
                Assert.NotEmpty(targets);
                foreach (var t in targets)
                {
                    Assert.Equal(uid, t.GetProperty("datasource").GetProperty("uid").GetString());
                    var expr = t.GetProperty("expr").GetString()!;
                    Assert.False(string.IsNullOrWhiteSpace(expr), waar);
                    foreach (Match m in Regex.Matches(expr, @"\$(\w+)"))
                        Assert.True(m.Groups[1].Value == "__rate_interval" || variabelen.Contains(m.Groups[1].Value), $"{waar}: ${m.Groups[1].Value} is geen variabele");
                    // Replicas report the same stand: a level is taken with max, never summed over instances.
                    Assert.DoesNotMatch(@"^sum\((jbk_gi|jbk_regio|jbk_termijnen)", expr);
                }
            }
        }
    }

    private static YamlSequenceNode Regels() =>
        (YamlSequenceNode)((YamlMappingNode)Laad(Path.Combine(Deploy, "prometheus", "rules", "jbk-alerts.yml")))["groups"];

    private static IEnumerable<YamlMappingNode> Alerts() => Regels().Children.Cast<YamlMappingNode>()
        .SelectMany(g => ((YamlSequenceNode)g["rules"]).Children.Cast<YamlMappingNode>())
        .Where(r => r.Children.ContainsKey("alert"));

    [Fact]
    public void Every_alert_has_a_severity_a_summary_and_what_to_do_a_promtool_test_and_a_line_in_the_README()
    {
        var tests = File.ReadAllText(Path.Combine(Deploy, "prometheus", "tests", "jbk-alerts.test.yml"));
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var alerts = Alerts().ToList();
        Assert.True(alerts.Count >= 10, $"{alerts.Count} alerts");
        foreach (var a in alerts)
        {
            var naam = a["alert"].ToString();
            var labels = (YamlMappingNode)a["labels"];
            Assert.Contains(labels["severity"].ToString(), new[] { "warning", "critical" });
            var annotaties = (YamlMappingNode)a["annotations"];
            Assert.False(string.IsNullOrWhiteSpace(annotaties["summary"].ToString()), naam);
            Assert.True(annotaties["description"].ToString().Length > 40, $"{naam}: de beschrijving zegt niet wat te doen");
            Assert.Contains($"alertname: {naam}", tests);
            Assert.Contains($"`{naam}`", readme);
        }
    }

    [Fact]
    public void The_kubernetes_scrape_configuration_finds_the_pods_and_labels_them_by_service()
    {
        var config = (YamlMappingNode)Laad(Path.Combine(Deploy, "prometheus", "prometheus-k8s.yml"));
        Assert.Equal("rules/*.yml", ((YamlSequenceNode)config["rule_files"]).Children.Single().ToString());
        var job = (YamlMappingNode)((YamlSequenceNode)config["scrape_configs"]).Children.Single();
        Assert.Equal("jbk", job["job_name"].ToString());
        var sd = (YamlMappingNode)((YamlSequenceNode)job["kubernetes_sd_configs"]).Children.Single();
        Assert.Equal("pod", sd["role"].ToString());
        var relabels = ((YamlSequenceNode)job["relabel_configs"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Contains(relabels, r => r.Children.TryGetValue("target_label", out var t) && t.ToString() == "service_name"
            && r["source_labels"].ToString().Contains("__meta_kubernetes_pod_label_app"));
        // Every deployment asks to be scraped on its HTTP port.
        foreach (var manifest in Directory.GetFiles(Path.Combine(Repo.Root, "k8s", "base"), "*.yaml").Where(f => File.ReadAllText(f).Contains("kind: Deployment")))
        {
            var tekst = File.ReadAllText(manifest);
            Assert.Contains("prometheus.io/scrape: \"true\"", tekst);
            Assert.Contains("prometheus.io/port: \"8081\"", tekst);
        }
    }

    private static YamlNode Laad(string pad)
    {
        var yaml = new YamlStream();
        using var lezer = new StreamReader(pad);
        yaml.Load(lezer);
        return yaml.Documents[0].RootNode;
    }
}
