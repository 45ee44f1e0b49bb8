using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>
/// The settings a process cannot run without, collected while its modules register themselves (a service it calls
/// in another process, the key it calls with, ...). <see cref="JbkHost"/> refuses to start when one is missing,
/// naming it: a missing setting is a startup error, never a silent default. The topology tests ask the same list.
/// </summary>
public sealed class VereisteInstellingen
{
    private const string Sleutel = "Jbk:VereisteInstellingen";
    private readonly Dictionary<string, string> _vereist = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Configuration keys (colon form) with why each is needed.</summary>
    public IReadOnlyDictionary<string, string> Alle => _vereist;

    public void Vereis(string instelling, string waarom) => _vereist.TryAdd(instelling, waarom);

    /// <summary>Stops the build of <paramref name="proces"/> when a required setting is missing.</summary>
    public void Controleer(IConfiguration configuratie, string proces)
    {
        if (Ontbrekend(configuratie) is { Count: > 0 } ontbrekend) throw new OntbrekendeInstellingException(proces, ontbrekend, Alle);
    }

    public IReadOnlyList<string> Ontbrekend(IConfiguration configuratie) =>
        _vereist.Keys.Where(k => string.IsNullOrWhiteSpace(configuratie[k])).Order(StringComparer.Ordinal).ToList();

    public static VereisteInstellingen Van(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(Sleutel, out var bestaand)) return (VereisteInstellingen)bestaand;
        var nieuw = new VereisteInstellingen();
        builder.Properties[Sleutel] = nieuw;
        return nieuw;
    }

    /// <summary>The services (module names) hosted in this process: calls to them stay inside the process.</summary>
    public static IReadOnlySet<string> HierGehost(IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue("Jbk:Modules", out var m) ? (IReadOnlySet<string>)m : new HashSet<string>();

    internal static void ZetHierGehost(IHostApplicationBuilder builder, IEnumerable<string> modules) =>
        builder.Properties["Jbk:Modules"] = new HashSet<string>(modules, StringComparer.OrdinalIgnoreCase);
}

/// <summary><c>Jbk:Diensten:&lt;dienst&gt;</c>: one gRPC address, or the addresses of the service's replicas separated by commas.</summary>
public static class DienstAdres
{
    public static string Instelling(string dienst) => $"Jbk:Diensten:{dienst.ToLowerInvariant()}";

    public static List<Uri> Lees(IConfiguration configuratie, string dienst, string? standaard = null) =>
        (configuratie[Instelling(dienst)] is { Length: > 0 } a ? a : standaard ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => new Uri(x)).ToList();
}

/// <summary>A process started without a setting it needs. <see cref="JbkHost.RunAsync"/> prints it and exits with 2.</summary>
public sealed class OntbrekendeInstellingException(string proces, IReadOnlyList<string> ontbrekend, IReadOnlyDictionary<string, string> waarom)
    : Exception($"{proces} kan niet starten: {string.Join("; ", ontbrekend.Select(k => $"instelling {k} ontbreekt ({waarom[k]}; als omgevingsvariabele {k.Replace(":", "__")})"))}.")
{
    public IReadOnlyList<string> Ontbrekend { get; } = ontbrekend;
}
