using global::Dapr.Client;
using Jbk.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace Jbk.BuildingBlocks.Dapr;

/// <summary>
/// Settings whose value is a reference <c>dapr-secret:&lt;store&gt;/&lt;secret&gt;/&lt;key&gt;</c> are read from the Dapr secret
/// store at start, before anything uses them: connection strings and signing keys never stand in a manifest. A reference
/// that cannot be resolved stops the process and names the setting; a reference without Dapr enabled too.
/// </summary>
public static class DaprGeheimen
{
    public const string Voorvoegsel = "dapr-secret:";

    public sealed record Verwijzing(string Instelling, string Opslag, string Geheim, string Sleutel);

    public static IReadOnlyList<Verwijzing> Verwijzingen(IConfiguration configuratie) =>
        configuratie.AsEnumerable().Where(kv => kv.Value?.StartsWith(Voorvoegsel, StringComparison.Ordinal) == true)
            .Select(kv => Lees(kv.Key, kv.Value!)).OrderBy(v => v.Instelling, StringComparer.Ordinal).ToList();

    public static Verwijzing Lees(string instelling, string waarde)
    {
        var delen = waarde[Voorvoegsel.Length..].Split('/');
        return delen is [var opslag, var geheim, var sleutel] && delen.All(d => d.Length > 0)
            ? new Verwijzing(instelling, opslag, geheim, sleutel)
            : throw new OntbrekendeInstellingException("proces", [instelling], new Dictionary<string, string>
                { [instelling] = $"'{waarde}' is geen verwijzing {Voorvoegsel}<opslag>/<geheim>/<sleutel>" });
    }

    /// <summary>Replaces every reference by the secret's value (a configuration source added last, so it wins).</summary>
    public static void Vervang(IConfigurationBuilder builder, IConfiguration configuratie, DaprOpties opties, Func<DaprClient> client, string proces)
    {
        var verwijzingen = Verwijzingen(configuratie);
        if (verwijzingen.Count == 0) return;
        if (!opties.Enabled)
            throw new OntbrekendeInstellingException(proces, ["Jbk:Dapr:Enabled"], new Dictionary<string, string>
            {
                ["Jbk:Dapr:Enabled"] = $"{string.Join(", ", verwijzingen.Select(v => v.Instelling))} verwijzen naar de Dapr-geheimenopslag, maar Dapr staat uit",
            });
        var dapr = client();
        var waarden = new Dictionary<string, string?>();
        var ontbrekend = new Dictionary<string, string>();
        foreach (var groep in verwijzingen.GroupBy(v => (v.Opslag, v.Geheim)))
        {
            var geheim = Wacht(() => dapr.GetSecretAsync(groep.Key.Opslag, groep.Key.Geheim), opties, proces, $"geheim {groep.Key.Geheim} uit {groep.Key.Opslag}");
            foreach (var v in groep)
                if (geheim.TryGetValue(v.Sleutel, out var waarde) && waarde.Length > 0) waarden[v.Instelling] = waarde;
                else ontbrekend[v.Instelling] = $"het geheim {v.Geheim} in {v.Opslag} heeft geen sleutel {v.Sleutel}";
        }
        if (ontbrekend.Count > 0) throw new OntbrekendeInstellingException(proces, ontbrekend.Keys.ToList(), ontbrekend);
        builder.AddInMemoryCollection(waarden);
    }

    /// <summary>Asks the sidecar until it answers or <see cref="DaprOpties.Wachttijd"/> passed (it may start after the app).</summary>
    internal static T Wacht<T>(Func<Task<T>> vraag, DaprOpties opties, string proces, string wat)
    {
        var tot = DateTime.UtcNow + opties.Wachttijd;
        while (true)
        {
            try { return vraag().GetAwaiter().GetResult(); }
            catch (Exception ex) when (ex is global::Dapr.DaprException or Grpc.Core.RpcException && DateTime.UtcNow < tot && Onbereikbaar(ex))
            {
                Thread.Sleep(500);
            }
            catch (Exception ex) when (ex is global::Dapr.DaprException or Grpc.Core.RpcException)
            {
                throw new InvalidOperationException($"{proces} kan niet starten: {wat} niet te lezen via de Dapr-sidecar op {opties.Adres()} ({ex.GetBaseException().Message}).", ex);
            }
        }
    }

    private static bool Onbereikbaar(Exception ex) =>
        (ex as Grpc.Core.RpcException ?? ex.InnerException as Grpc.Core.RpcException)?.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded;
}
