namespace Jbk.Topologie;

/// <summary>
/// The env files docker-compose.yml (<c>env_file</c>) and k8s/ (<c>configMapGenerator</c>) read, and compose's Prometheus
/// scrape configuration, as the topology renders them.
/// </summary>
public static class DeployBestanden
{
    public static IEnumerable<(string Pad, string Inhoud)> Alle(string repo) =>
        Topologie.Alle.SelectMany(d => new[]
        {
            (Path.Combine(repo, "deploy", "compose", d.Naam + ".env"), Weergave.AlsEnvBestand(Weergave.Compose(d))),
            (Path.Combine(repo, "k8s", "base", "config", d.Naam + ".env"), Weergave.AlsEnvBestand(Weergave.Kubernetes(d))),
        }).Concat(
        [
            (Path.Combine(repo, "deploy", "prometheus", "prometheus.yml"), PrometheusWeergave.Compose()),
            (Path.Combine(repo, "k8s", "base", "gegenereerd", "toegang.yaml"), KubernetesWeergave.Toegang()),
            (Path.Combine(repo, "k8s", "base", "gegenereerd", "netwerkbeleid.yaml"), KubernetesWeergave.Netwerkbeleid()),
        ]);
}
