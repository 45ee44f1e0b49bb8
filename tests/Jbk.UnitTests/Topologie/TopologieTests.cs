using System.Diagnostics;
using Jbk.BuildingBlocks.Hosting;
using Jbk.Capaciteit;
using Jbk.Clientenstop;
using Jbk.Gateway;
using Jbk.Maatregelregistratie;
using Jbk.Overdracht;
using Jbk.Topologie;
using YamlDotNet.RepresentationModel;
using Topo = Jbk.Topologie.Topologie;

namespace Jbk.UnitTests.Topologie;

/// <summary>
/// The one topology description against the code and the deployments: every setting a host requires (asked of the host
/// itself: it refuses to start without) is rendered for the local mode, compose and Kubernetes, the committed env files
/// are what the topology renders, and docker-compose / kustomize output carries every required setting per process.
/// </summary>
public sealed class TopologieTests
{
    private static readonly Dictionary<string, Func<IJbkModule>> Modules = new()
    {
        ["maatregelregistratie"] = () => new MaatregelregistratieModule(),
        ["capaciteit"] = () => new CapaciteitModule(),
        ["overdracht"] = () => new OverdrachtModule(),
        ["clientenstop"] = () => new ClientenstopModule(),
    };

    /// <summary>What the host needs in the distributed mode, as it says when started with nothing but the mode.</summary>
    private static IReadOnlyList<string> Vereist(Dienst d)
    {
        var ex = Assert.Throws<OntbrekendeInstellingException>(() => d.HeeftToestand
            ? JbkHost.Build(["--Jbk:Database:Provider=Postgres", "--Jbk:Messaging:Transport=RabbitMq"], d.Naam, Modules[d.Naam]())
            : GatewayHost.Build([]));
        return ex.Ontbrekend.Select(k => k.Replace(":", "__")).ToList();
    }

    [Fact]
    public void The_committed_env_files_of_compose_and_kubernetes_are_what_the_topology_renders()
    {
        foreach (var (pad, inhoud) in DeployBestanden.Alle(RepoRoot))
        {
            Assert.True(File.Exists(pad), $"{pad} ontbreekt: draai 'jbk topologie schrijf'.");
            Assert.True(File.ReadAllText(pad) == inhoud, $"{pad} wijkt af van de topologie: draai 'jbk topologie schrijf'.");
        }
    }

    [Fact]
    public void Every_setting_a_host_requires_is_rendered_for_compose_and_kubernetes()
    {
        foreach (var d in Topo.Alle)
        {
            var vereist = Vereist(d);
            Assert.NotEmpty(vereist);
            foreach (var (doel, env) in new[] { ("compose", Weergave.Compose(d)), ("kubernetes", Weergave.Kubernetes(d)) })
            foreach (var k in vereist)
                Assert.True(env.ContainsKey(k) || Weergave.UitGeheimen.Contains(k), $"{d.Naam} vereist {k}, maar {doel} zet het niet.");
        }
    }

    [Fact]
    public void A_service_that_calls_another_requires_its_address_and_a_key_of_its_own()
    {
        Assert.Contains("Jbk__Diensten__maatregelregistratie", Vereist(Topo.Overdracht));
        Assert.Contains("Jbk__Diensten__capaciteit", Vereist(Topo.Overdracht));
        Assert.Contains("Jbk__Auth__DienstSleutel", Vereist(Topo.Overdracht));
        Assert.Contains("Jbk__Diensten__capaciteit", Vereist(Topo.Clientenstop));
        Assert.DoesNotContain(Vereist(Topo.Capaciteit), k => k.StartsWith("Jbk__Diensten__", StringComparison.Ordinal));
        // The topology says who calls whom; the code says it too, and they agree.
        foreach (var d in Topo.Alle)
            Assert.Equal(d.Roept.Select(Topo.Adres).Order(), Vereist(d).Where(k => k.StartsWith("Jbk__Diensten__", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void The_gateway_routes_exactly_the_grpc_services_each_module_maps()
    {
        foreach (var d in Topo.Diensten)
            Assert.Equal(Modules[d.Naam]().GrpcServiceNamen.Order(), d.GrpcServices.Select(s => s.FullName).Order());
    }

    [Fact]
    public void Every_local_process_starts_on_what_the_topology_renders_and_refuses_to_without_any_of_it()
    {
        var map = Directory.CreateTempSubdirectory("jbk-topologie").FullName;
        try
        {
            var inzet = new LokaleInzet { Postgres = "Host=127.0.0.1;Port=1;Username=x", RabbitMq = "amqp://x:y@127.0.0.1:1/", Map = map, Replicas = 2 };
            Weergave.MaakSleutels(inzet);
            var processen = Weergave.Lokaal(inzet);
            Assert.Equal(Topo.Diensten.Count * 2 + 1, processen.Count);
            Assert.Equal(processen.Count * 2, processen.SelectMany(p => new[] { p.GrpcPoort, p.HttpPoort }).Distinct().Count());
            // The tests reserve exactly this many ports from the base; every port the processes get lies inside it.
            Assert.All(processen.SelectMany(p => new[] { p.GrpcPoort, p.HttpPoort }),
                poort => Assert.InRange(poort, inzet.PoortBasis, inzet.PoortBasis + Weergave.Poortbereik(inzet.Replicas) - 1));
            // Two replicas: whoever calls a service knows both of its addresses.
            Assert.Equal(2, processen.First(p => p.Dienst == Topo.Overdracht).Omgeving["Jbk__Diensten__capaciteit"].Split(',').Length);
            foreach (var p in processen.Where(p => p.Replica == 0))
            {
                var args = p.Omgeving.Select(e => $"--{e.Key.Replace("__", ":")}={e.Value}").ToArray();
                // Built, not run: nothing connects. Not disposed either: MassTransit keeps the first host's logger
                // factory in a static, and a second host in this test process would find it disposed.
                Assert.NotNull(Start(p.Dienst, args));
                // Each setting that alone makes the difference: without it the host does not start, and says which it misses.
                foreach (var (k, genoemd) in p.Omgeving.Keys.Select(k => (k, Genoemd(k))).Where(x => x.Item2 is not null))
                {
                    var ex = Assert.Throws<OntbrekendeInstellingException>(() => Start(p.Dienst, args.Where(a => !a.StartsWith($"--{k.Replace("__", ":")}=", StringComparison.Ordinal)).ToArray()));
                    Assert.Contains(genoemd!, ex.Message);
                }
            }
        }
        finally { Directory.Delete(map, recursive: true); }
    }

    [Fact]
    public void Docker_compose_config_gives_every_process_every_setting_its_host_requires()
    {
        ComposeGeheimen.MaakAls(Path.Combine(RepoRoot, ".jbk")); // compose reads its secrets from this uncommitted file
        var yaml = Laad(Draai("docker-compose", "-f docker-compose.yml config"));
        var services = (YamlMappingNode)yaml[0].RootNode["services"];
        foreach (var d in Topo.Alle)
        {
            var env = ((YamlMappingNode)services[d.Naam]["environment"]).Children.Keys.Select(k => k.ToString()).ToHashSet();
            foreach (var k in Vereist(d)) Assert.True(env.Contains(k), $"docker-compose config: {d.Naam} mist {k}.");
        }
    }

    [Fact]
    public void Kubectl_kustomize_gives_every_deployment_every_setting_its_host_requires()
    {
        var docs = Laad(Draai("kubectl", "kustomize k8s")).Select(d => (YamlMappingNode)d.RootNode).ToList();
        string Soort(YamlMappingNode n) => n["kind"].ToString();
        string Naam(YamlMappingNode n) => n["metadata"]["name"].ToString();
        var configMaps = docs.Where(n => Soort(n) == "ConfigMap")
            .ToDictionary(Naam, n => n.Children.TryGetValue("data", out var data) ? ((YamlMappingNode)data).Children.Keys.Select(k => k.ToString()).ToList() : []);
        foreach (var d in Topo.Alle)
        {
            var deployment = docs.Single(n => Soort(n) == "Deployment" && Naam(n) == d.Naam);
            var container = (YamlMappingNode)((YamlSequenceNode)deployment["spec"]["template"]["spec"]["containers"])[0];
            var env = new HashSet<string>();
            if (container.Children.TryGetValue("env", out var lijst))
                foreach (YamlMappingNode e in (YamlSequenceNode)lijst) env.Add(e["name"].ToString());
            if (container.Children.TryGetValue("envFrom", out var bronnen))
                foreach (YamlMappingNode b in (YamlSequenceNode)bronnen) env.UnionWith(configMaps[b["configMapRef"]["name"].ToString()]);
            foreach (var k in Vereist(d)) Assert.True(env.Contains(k), $"kubectl kustomize: deployment {d.Naam} mist {k}.");
        }
    }

    /// <summary>The setting a host names when <paramref name="k"/> is left out, for the settings that alone decide.</summary>
    private static string? Genoemd(string k) =>
        k.StartsWith("Jbk__Diensten__", StringComparison.Ordinal) || k is "Jbk__Auth__DienstSleutel" or "Jbk__Messaging__RabbitMq"
            ? k.Replace("__", ":")
            : k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) ? "Jbk:Database:Postgres" : null;

    private static Microsoft.AspNetCore.Builder.WebApplication Start(Dienst d, string[] args) =>
        d.HeeftToestand ? JbkHost.Build(args, d.Naam, Modules[d.Naam]()) : GatewayHost.Build(args);

    private static IList<YamlDocument> Laad(string tekst) => Gereedschap.Laad(tekst);

    private static string Draai(string programma, string argumenten) => Gereedschap.Draai(programma, argumenten);

    private static string RepoRoot => Repo.Root;
}
