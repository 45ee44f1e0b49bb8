using Grpc.Health.V1;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;

namespace Jbk.Topologie;

/// <summary>
/// The distributed platform: four services and a gateway in front. Whether a service calls another is declared here
/// AND in the service's module (<c>AddDienstClient</c>); the topology tests start each host on the rendered settings,
/// so the two cannot drift apart unnoticed.
/// </summary>
public static class Topologie
{
    public const string GatewayNaam = "gateway";

    public static readonly Dienst Maatregelregistratie = new("maatregelregistratie", "Jbk.Maatregelregistratie.Host", 1, [MaatregelService.Descriptor], []);
    public static readonly Dienst Capaciteit = new("capaciteit", "Jbk.Capaciteit.Host", 2, [CapaciteitService.Descriptor], []);
    public static readonly Dienst Overdracht = new("overdracht", "Jbk.Overdracht.Host", 3,
        [OverdrachtService.Descriptor, ScenarioService.Descriptor], [Maatregelregistratie.Naam, Capaciteit.Naam]);
    public static readonly Dienst Clientenstop = new("clientenstop", "Jbk.Clientenstop.Host", 4, [ClientenstopService.Descriptor], [Capaciteit.Naam]);

    /// <summary>The services, in start order (a service starts after those it calls).</summary>
    public static readonly IReadOnlyList<Dienst> Diensten = [Maatregelregistratie, Capaciteit, Overdracht, Clientenstop];

    /// <summary>One address for clients: routes every gRPC service of <see cref="Diensten"/> by its name.</summary>
    public static readonly Dienst Gateway = new(GatewayNaam, "Jbk.Gateway", 0, [Health.Descriptor], Diensten.Select(d => d.Naam).ToList());

    /// <summary>Every process kind: the services, then the gateway.</summary>
    public static IEnumerable<Dienst> Alle => [.. Diensten, Gateway];

    public static Dienst Van(string naam) =>
        Alle.SingleOrDefault(d => d.Naam == naam) ?? throw new ArgumentException($"Geen dienst '{naam}' in de topologie.", nameof(naam));

    /// <summary>The service that serves <paramref name="grpcService"/> (full name), or null.</summary>
    public static Dienst? DienstVoor(string grpcService) => Diensten.FirstOrDefault(d => d.GrpcServices.Any(s => s.FullName == grpcService));

    // The names of settings, in environment-variable form, so every renderer spells them alike.
    public static string Adres(string dienst) => $"Jbk__Diensten__{dienst}";
    public const string DienstSleutel = "Jbk__Auth__DienstSleutel";
    public static string PubliekeSleutel(int i) => $"Jbk__Auth__PublicKeys__{i}";
    public static string DienstPubliekeSleutel(string dienst) => $"Jbk__Auth__DienstSleutels__{dienst}";

    /// <summary>The identity provider's key (the CLI signs with it in the local mode) and one key per calling service.</summary>
    public static IEnumerable<string> Sleutelnamen => ["idp", .. Diensten.Where(d => d.HeeftDienstSleutel).Select(d => $"dienst-{d.Naam}")];
}
