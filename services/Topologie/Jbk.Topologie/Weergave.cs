using System.Text;
using Jbk.BuildingBlocks.Security;
using Npgsql;

namespace Jbk.Topologie;

/// <summary>
/// Renders the topology into the settings of each process, for each way of deploying it: the local distributed mode
/// (scripts/distributed.sh and the distributed tests, on loopback), docker compose and Kubernetes. Only the address
/// of a service and the paths of keys differ between them.
/// </summary>
public static class Weergave
{
    /// <summary>The settings compose takes from its uncommitted secrets file (<c>.jbk/infra.env</c>), not from the rendered files.</summary>
    public static readonly IReadOnlyList<string> UitGeheimen = ["Jbk__Database__Postgres", "Jbk__Messaging__RabbitMq"];

    /// <summary>Kubernetes reads every secret through Dapr's secret store (component <c>jbk-secrets</c> over Kubernetes secrets).</summary>
    public const string GeheimenOpslag = "jbk-secrets";

    public static string DaprGeheim(string geheim, string sleutel) => $"dapr-secret:{GeheimenOpslag}/{geheim}/{sleutel}";

    /// <summary>How many ports from <see cref="LokaleInzet.PoortBasis"/> on the local distributed mode uses (gRPC from the base, HTTP from base + 100).</summary>
    public static int Poortbereik(int replicas) => 100 + Topologie.Alle.Max(d => d.Plaats) + 10 * (replicas - 1) + 1;

    /// <summary>Every process of the local distributed mode, services in start order, gateway last.</summary>
    public static IReadOnlyList<Proces> Lokaal(LokaleInzet inzet)
    {
        if (inzet.Replicas is < 1 or > 9) throw new ArgumentOutOfRangeException(nameof(inzet), "Replicas: 1 tot en met 9.");
        var poorten = Topologie.Alle.ToDictionary(d => d.Naam, d => Enumerable.Range(0, d.HeeftToestand ? inzet.Replicas : 1)
            .Select(r => (Grpc: inzet.PoortBasis + d.Plaats + 10 * r, Http: inzet.PoortBasis + 100 + d.Plaats + 10 * r)).ToList());
        string Adres(Dienst d) => string.Join(',', poorten[d.Naam].Select(p => $"http://127.0.0.1:{p.Grpc}"));
        var sleutels = new SleutelPaden(n => Path.Combine(inzet.SleutelMap, n + ".pub.pem"),
            n => n == "idp" ? inzet.IdpSleutel : Path.Combine(inzet.SleutelMap, n + ".pem"));

        var processen = new List<Proces>();
        foreach (var d in Topologie.Alle)
        foreach (var (p, r) in poorten[d.Naam].Select((p, r) => (p, r)))
        {
            var env = Instellingen(d, Adres, sleutels, "127.0.0.1", p.Grpc, p.Http);
            if (d.HeeftToestand)
            {
                env[$"ConnectionStrings__{d.Naam}"] = new NpgsqlConnectionStringBuilder(inzet.PostgresPerDienst.GetValueOrDefault(d.Naam, inzet.Postgres)) { Database = $"{inzet.DatabaseVoorvoegsel}_{d.Naam}" }.ConnectionString;
                env["Jbk__Messaging__RabbitMq"] = inzet.RabbitMqPerDienst.GetValueOrDefault(d.Naam, inzet.RabbitMq);
                env["Jbk__DataDir"] = inzet.DataMap;
            }
            foreach (var (k, v) in inzet.Extra.GetValueOrDefault(d.Naam) ?? new Dictionary<string, string>())
                if (!env.TryAdd(k, v)) throw new ArgumentException($"{k} is een instelling van de topologie zelf; die overschrijft een test niet.");
            processen.Add(new Proces(d, r, p.Grpc, p.Http, env));
        }
        return processen;
    }

    /// <summary>docker compose: every container listens on 8080 (gRPC) and 8081 (HTTP); keys are mounted at /keys.</summary>
    public static SortedDictionary<string, string> Compose(Dienst d) =>
        Instellingen(d, x => $"http://{x.Naam}:8080", new SleutelPaden(n => $"/keys/{n}.pub.pem", n => $"/keys/{n}.pem"), "0.0.0.0", 8080, 8081);

    /// <summary>
    /// Kubernetes: a Service per service on 8080; with Dapr, and every secret a reference into its secret store: database
    /// and broker from the secret jbk-infra, public keys from jbk-signing-keys, a service's own key from jbk-dienst-&lt;naam&gt;.
    /// The manifests hold no secret value and mount no key.
    /// </summary>
    public static SortedDictionary<string, string> Kubernetes(Dienst d)
    {
        var env = Instellingen(d, x => $"http://{x.Naam}:8080",
            new SleutelPaden(n => DaprGeheim("jbk-signing-keys", $"{n}.pub.pem"), n => DaprGeheim($"jbk-{n}", $"{n}.pem")), "0.0.0.0", 8080, 8081);
        if (!d.HeeftToestand) return env;
        env["Jbk__Dapr__Enabled"] = "true";
        env["Jbk__Database__Postgres"] = DaprGeheim("jbk-infra", "postgres");
        env["Jbk__Messaging__RabbitMq"] = DaprGeheim("jbk-infra", "rabbitmq");
        return env;
    }

    /// <summary>The Kubernetes secrets a service reads through Dapr (its rendered references), for the secret store's scopes.</summary>
    public static IReadOnlyList<string> KubernetesGeheimen(Dienst d) =>
        Kubernetes(d).Values.Where(v => v.StartsWith("dapr-secret:", StringComparison.Ordinal))
            .Select(v => v.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>KEY=VALUE lines, sorted, with a header saying where they come from (for env files and ConfigMaps).</summary>
    public static string AlsEnvBestand(IReadOnlyDictionary<string, string> env)
    {
        var tekst = new StringBuilder("# Generated from services/Topologie (jbk topologie schrijf); do not edit: the topology tests compare.\n");
        foreach (var (k, v) in env.OrderBy(e => e.Key, StringComparer.Ordinal)) tekst.Append(k).Append('=').Append(v).Append('\n');
        return tekst.ToString();
    }

    /// <summary>Creates the identity provider's key and each calling service's key where missing, with their public halves.</summary>
    public static void MaakSleutels(LokaleInzet inzet) => MaakSleutels(inzet.SleutelMap, n => n == "idp" ? inzet.IdpSleutel : null);

    /// <summary>The keys of the deployment in <paramref name="map"/>: <c>&lt;naam&gt;.pem</c> and <c>&lt;naam&gt;.pub.pem</c>.</summary>
    public static void MaakSleutels(string map, Func<string, string?>? elders = null)
    {
        Directory.CreateDirectory(map);
        foreach (var naam in Topologie.Sleutelnamen)
        {
            var prive = elders?.Invoke(naam) ?? Path.Combine(map, naam + ".pem");
            using var sleutel = SigningKeys.LoadOrCreatePrivateKey(prive);
            File.WriteAllText(Path.Combine(map, naam + ".pub.pem"), SigningKeys.ExportPublicKeyPem(sleutel));
        }
    }

    private sealed record SleutelPaden(Func<string, string> Publiek, Func<string, string> Prive);

    private static SortedDictionary<string, string> Instellingen(Dienst d, Func<Dienst, string> adres, SleutelPaden sleutels, string luister, int grpc, int http)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Jbk__ListenAddress"] = luister,
            ["Jbk__GrpcPort"] = grpc.ToString(),
            ["Jbk__HttpPort"] = http.ToString(),
        };
        foreach (var doel in d.Roept) env[Topologie.Adres(doel)] = adres(Topologie.Van(doel));
        if (!d.HeeftToestand) return env;
        env["Jbk__Database__Provider"] = "Postgres";
        env["Jbk__Messaging__Transport"] = "RabbitMq";
        // The identity provider signs for people; each calling service's key only for that service.
        env[Topologie.PubliekeSleutel(0)] = sleutels.Publiek("idp");
        foreach (var beller in Topologie.Diensten.Where(x => x.HeeftDienstSleutel))
            env[Topologie.DienstPubliekeSleutel(beller.Naam)] = sleutels.Publiek($"dienst-{beller.Naam}");
        if (d.HeeftDienstSleutel) env[Topologie.DienstSleutel] = sleutels.Prive($"dienst-{d.Naam}");
        return env;
    }
}
