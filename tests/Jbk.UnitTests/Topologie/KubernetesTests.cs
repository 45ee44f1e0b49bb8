using System.Text.RegularExpressions;
using Jbk.BuildingBlocks.Dapr;
using Jbk.BuildingBlocks.Hosting;
using Jbk.Capaciteit;
using Jbk.Clientenstop;
using Jbk.Maatregelregistratie;
using Jbk.Overdracht;
using Jbk.Topologie;
using YamlDotNet.RepresentationModel;
using Topo = Jbk.Topologie.Topologie;

namespace Jbk.UnitTests.Topologie;

/// <summary>
/// The manifests as a cluster receives them (<c>kubectl kustomize</c> of production and of the dev overlay): valid against the
/// Kubernetes schemas and Dapr's CRD schemas, held to the platform's policy, and naming exactly what the code asks of Dapr.
/// </summary>
public sealed class KubernetesTests
{
    private static readonly IJbkModule[] Modules = [new MaatregelregistratieModule(), new CapaciteitModule(), new OverdrachtModule(), new ClientenstopModule()];

    public static TheoryData<string> Opstellingen => new() { "k8s", "k8s/overlays/dev" };

    private static List<YamlMappingNode> Render(string map) =>
        Gereedschap.Laad(Gereedschap.Draai("kubectl", $"kustomize {map}")).Select(d => (YamlMappingNode)d.RootNode).ToList();

    private static string Soort(YamlMappingNode n) => n["kind"].ToString();
    private static string Naam(YamlMappingNode n) => n["metadata"]["name"].ToString();
    private static YamlNode? Pad(YamlNode n, params string[] pad)
    {
        foreach (var stap in pad)
            if (n is YamlMappingNode m && m.Children.TryGetValue(stap, out var volgende)) n = volgende;
            else return null;
        return n;
    }
    private static IEnumerable<string> Lijst(YamlNode? n) => n is YamlSequenceNode s ? s.Children.Select(c => c.ToString()) : [];

    [Theory]
    [MemberData(nameof(Opstellingen))]
    public void Every_rendered_object_is_valid_against_the_Kubernetes_and_Dapr_schemas(string map)
    {
        var uitvoer = Gereedschap.Draai("node", "scripts/k8s-valideer.mjs", Gereedschap.Draai("kubectl", $"kustomize {map}"));
        Assert.Matches(@"^\d+ objecten geldig", uitvoer);
    }

    [Theory]
    [MemberData(nameof(Opstellingen))]
    public void Every_container_runs_as_a_numeric_non_root_user_locked_down_probed_limited_and_pinned(string map)
    {
        foreach (var d in Render(map).Where(n => Soort(n) == "Deployment"))
        {
            var pod = Pad(d, "spec", "template", "spec")!;
            var waar = $"{map}: Deployment {Naam(d)}";
            Assert.Equal("true", Pad(pod, "securityContext", "runAsNonRoot")?.ToString());
            Assert.True(int.TryParse(Pad(pod, "securityContext", "runAsUser")?.ToString(), out var uid) && uid > 0, $"{waar}: runAsUser numeric, not 0");
            Assert.Equal("RuntimeDefault", Pad(pod, "securityContext", "seccompProfile", "type")?.ToString());
            foreach (YamlMappingNode c in (YamlSequenceNode)pod["containers"])
            {
                var beeld = c["image"].ToString();
                Assert.Matches(@":[\w.-]+$", beeld);
                Assert.DoesNotMatch(":latest$", beeld);
                Assert.Equal("false", Pad(c, "securityContext", "allowPrivilegeEscalation")?.ToString());
                Assert.Equal("true", Pad(c, "securityContext", "readOnlyRootFilesystem")?.ToString());
                Assert.Equal(["ALL"], Lijst(Pad(c, "securityContext", "capabilities", "drop")));
                Assert.NotNull(Pad(c, "readinessProbe"));
                Assert.NotNull(Pad(c, "livenessProbe"));
                Assert.NotNull(Pad(c, "resources", "requests", "memory"));
                Assert.NotNull(Pad(c, "resources", "limits", "memory"));
            }
        }
    }

    [Fact]
    public void The_image_user_is_the_numeric_user_the_pods_run_as()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Repo.Root, "Dockerfile"));
        var user = Regex.Match(dockerfile, @"^USER (\d+):(\d+)$", RegexOptions.Multiline);
        Assert.True(user.Success, "Dockerfile: USER <uid>:<gid>, numeric");
        foreach (var d in Render("k8s").Where(n => Soort(n) == "Deployment" && Naam(n) is var naam && Topo.Alle.Any(t => t.Naam == naam)))
            Assert.Equal(user.Groups[1].Value, Pad(d, "spec", "template", "spec", "securityContext", "runAsUser")?.ToString());
    }

    [Fact]
    public void Every_process_has_two_replicas_and_a_disruption_budget_in_production()
    {
        var objecten = Render("k8s");
        foreach (var d in Topo.Alle)
        {
            var deployment = objecten.Single(n => Soort(n) == "Deployment" && Naam(n) == d.Naam);
            Assert.Equal("2", Pad(deployment, "spec", "replicas")?.ToString());
            var budget = objecten.Single(n => Soort(n) == "PodDisruptionBudget" && Pad(n, "spec", "selector", "matchLabels", "app")?.ToString() == d.Naam);
            Assert.Equal("1", Pad(budget, "spec", "minAvailable")?.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Opstellingen))]
    public void No_secret_value_stands_in_a_manifest(string map)
    {
        var geheim = new Regex(@"Password=|amqp://[^/]*:[^@/]*@|-----BEGIN|postgres(ql)?://", RegexOptions.IgnoreCase);
        foreach (var o in Render(map))
        {
            Assert.NotEqual("Secret", Soort(o));
            using var schrijver = new StringWriter();
            new YamlStream(new YamlDocument(o)).Save(schrijver, assignAnchors: false);
            Assert.False(geheim.IsMatch(schrijver.ToString()), $"{map}: {Soort(o)} {Naam(o)} bevat een geheim");
        }
    }

    [Fact]
    public void Each_service_reads_through_Dapr_exactly_the_secrets_its_settings_refer_to()
    {
        var objecten = Render("k8s");
        foreach (var d in Topo.Diensten)
        {
            var configMap = objecten.Single(n => Soort(n) == "ConfigMap" && Naam(n).StartsWith($"{d.Naam}-config"));
            var verwezen = ((YamlMappingNode)configMap["data"]).Children.Values.Select(v => v.ToString())
                .Where(v => v.StartsWith(DaprGeheimen.Voorvoegsel)).Select(v => DaprGeheimen.Lees("x", v)).ToList();
            Assert.All(verwezen, v => Assert.Equal(Weergave.GeheimenOpslag, v.Opslag));
            var geheimen = verwezen.Select(v => v.Geheim).Distinct().Order().ToList();
            Assert.Contains("jbk-infra", geheimen);

            var configuratie = objecten.Single(n => Soort(n) == "Configuration" && Naam(n) == $"jbk-{d.Naam}");
            var scope = (YamlMappingNode)((YamlSequenceNode)Pad(configuratie, "spec", "secrets", "scopes")!).Children.Single();
            Assert.Equal(Weergave.GeheimenOpslag, scope["storeName"].ToString());
            Assert.Equal("deny", scope["defaultAccess"].ToString());
            Assert.Equal(geheimen, Lijst(scope["allowedSecrets"]).Order());

            var rol = objecten.Single(n => Soort(n) == "Role" && Naam(n) == $"{d.Naam}-geheimen");
            Assert.Equal(geheimen, Lijst(Pad(((YamlSequenceNode)rol["rules"]).Children[0], "resourceNames")).Order());
            var deployment = objecten.Single(n => Soort(n) == "Deployment" && Naam(n) == d.Naam);
            Assert.Equal(d.Naam, Pad(deployment, "spec", "template", "spec", "serviceAccountName")?.ToString());
            Assert.Equal($"jbk-{d.Naam}", Pad(deployment, "spec", "template", "metadata", "annotations", "dapr.io/config")?.ToString());
        }
    }

    [Fact]
    public void The_Dapr_components_are_the_ones_the_code_names_scoped_to_the_services_that_use_them()
    {
        var objecten = Render("k8s");
        var componenten = objecten.Where(n => Soort(n) == "Component").ToDictionary(Naam);
        var opties = new DaprOpties();
        Assert.Equal(new[] { opties.Configuratieopslag, opties.Notificatiebinding, Weergave.GeheimenOpslag }.Order(), componenten.Keys.Order());

        Assert.Equal(Topo.Diensten.Select(d => d.Naam).Order(), Lijst(componenten[Weergave.GeheimenOpslag]["scopes"]).Order());
        Assert.Equal(Modules.Where(m => m.Configuratiesleutels.Count > 0).Select(m => m.Naam).Order(),
            Lijst(componenten[opties.Configuratieopslag]["scopes"]).Order());
        Assert.Equal(["clientenstop"], Lijst(componenten[opties.Notificatiebinding]["scopes"]));
        Assert.StartsWith("bindings.", componenten[opties.Notificatiebinding]["spec"]["type"].ToString());
        Assert.StartsWith("configuration.", componenten[opties.Configuratieopslag]["spec"]["type"].ToString());

        // The store's keys and defaults: exactly the settings the modules read at run time.
        var standaard = objecten.Single(n => Soort(n) == "ConfigMap" && Naam(n).StartsWith("jbk-configuratie-standaard"));
        Assert.Equal(Modules.SelectMany(m => m.Configuratiesleutels).Select(DaprConfiguratieBron.Sleutel).Order(),
            ((YamlMappingNode)standaard["data"]).Children.Keys.Select(k => k.ToString()).Order());
    }

    [Fact]
    public void Only_the_gateway_and_the_callers_the_topology_names_reach_a_service()
    {
        var beleid = Render("k8s").Where(n => Soort(n) == "NetworkPolicy").ToDictionary(Naam);
        Assert.Empty(((YamlMappingNode)beleid["standaard-geen-toegang"]["spec"]["podSelector"]).Children);
        foreach (var d in Topo.Alle)
        {
            var regels = ((YamlSequenceNode)beleid[d.Naam]["spec"]["ingress"]).Children.Cast<YamlMappingNode>().ToList();
            var grpc = regels.Single(r => ((YamlSequenceNode)r["ports"]).Children.Any(p => p["port"].ToString() == "grpc"));
            var bronnen = ((YamlSequenceNode)grpc["from"]).Children.Cast<YamlMappingNode>().ToList();
            if (d.HeeftToestand)
                Assert.Equal(Topo.Alle.Where(x => x.Roept.Contains(d.Naam)).Select(x => x.Naam).Order(),
                    bronnen.Select(b => Pad(b, "podSelector", "matchLabels", "app")!.ToString()).Order());
            else
                Assert.Equal(KubernetesWeergave.IngressNamespace, Pad(bronnen.Single(), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")?.ToString());
        }
    }
}
