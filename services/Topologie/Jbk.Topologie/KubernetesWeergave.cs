using System.Text;

namespace Jbk.Topologie;

/// <summary>
/// The Kubernetes objects that follow from the topology, so they cannot drift from the code: per service its service
/// account, the Role that lets its Dapr sidecar read exactly the Kubernetes secrets its settings refer to, and its Dapr
/// Configuration that scopes the secret store to those same secrets; and per process a NetworkPolicy that lets in only
/// the gateway and the services that call it (the gateway: the ingress controller), plus Prometheus on the metrics port.
/// </summary>
public static class KubernetesWeergave
{
    public const string IngressNamespace = "ingress-nginx";
    public const string MonitoringNamespace = "observability";

    private const string Kop = "# Generated from services/Topologie (jbk topologie schrijf); do not edit: the topology tests compare.\n";

    public static string Toegang()
    {
        var s = new StringBuilder(Kop);
        foreach (var d in Topologie.Diensten)
        {
            var geheimen = Weergave.KubernetesGeheimen(d);
            s.Append($"""
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: {d.Naam}
                ---
                # {d.Naam}'s Dapr sidecar reads these secrets for it, and no others.
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: {d.Naam}-geheimen
                rules:
                  - apiGroups: [""]
                    resources: [secrets]
                    resourceNames: [{string.Join(", ", geheimen)}]
                    verbs: [get]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: {d.Naam}-geheimen
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: Role
                  name: {d.Naam}-geheimen
                subjects:
                  - kind: ServiceAccount
                    name: {d.Naam}
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: jbk-{d.Naam}
                spec:
                  secrets:
                    scopes:
                      - storeName: {Weergave.GeheimenOpslag}
                        defaultAccess: deny
                        allowedSecrets: [{string.Join(", ", geheimen)}]

                """);
        }
        return s.ToString();
    }

    /// <summary>Who may open a connection to a process: its callers by the topology, and the ingress for the gateway.</summary>
    public static IReadOnlyList<string> Bellers(Dienst d) =>
        Topologie.Alle.Where(x => x.Roept.Contains(d.Naam)).Select(x => x.Naam).Order(StringComparer.Ordinal).ToList();

    public static string Netwerkbeleid()
    {
        var s = new StringBuilder(Kop);
        s.Append("""
            ---
            # Nothing reaches a pod of the namespace unless a policy below lets it in.
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: standaard-geen-toegang
            spec:
              podSelector: {}
              policyTypes: [Ingress]

            """);
        foreach (var d in Topologie.Alle)
        {
            var bellers = Bellers(d);
            var van = d.HeeftToestand
                ? string.Concat(bellers.Select(b => $"\n        - podSelector:\n            matchLabels:\n              app: {b}"))
                : $"\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: {IngressNamespace}";
            s.Append($"""
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: {d.Naam}
                spec:
                  podSelector:
                    matchLabels:
                      app: {d.Naam}
                  policyTypes: [Ingress]
                  ingress:
                    - ports:
                        - port: grpc
                      from:{van}
                    - ports:
                        - port: http
                      from:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: {MonitoringNamespace}

                """);
        }
        return s.ToString();
    }
}
