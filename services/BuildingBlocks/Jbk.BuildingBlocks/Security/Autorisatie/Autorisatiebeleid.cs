using System.Reflection;
using System.Text;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Jbk.BuildingBlocks.Audit;

namespace Jbk.BuildingBlocks.Security.Autorisatie;

/// <summary>The declared policy of one RPC; <see cref="Wie"/> 0 when its implementation declares none (nobody may call it).</summary>
public sealed record RpcBeleid(string Service, string Rpc, Betrokkene Wie, string Waarom, bool Persoonsgegevens);

/// <summary>
/// The platform's authorization policy as the implementations declare it (<see cref="MagAttribute"/>), read by reflection:
/// the source of docs/autorisatie.md and of the expectations of the authorization matrix test.
/// </summary>
public static class Autorisatiebeleid
{
    public static IReadOnlyList<RpcBeleid> Van(IEnumerable<ServiceDescriptor> services, IEnumerable<Assembly> implementaties)
    {
        var typen = implementaties.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        var beleid = new List<RpcBeleid>();
        foreach (var service in services)
        {
            var impl = typen.SingleOrDefault(t => Bindt(t.BaseType, service))
                ?? throw new InvalidOperationException($"Geen implementatie van {service.FullName} gevonden.");
            foreach (var rpc in service.Methods)
            {
                // Unary (request, context), server streaming (request, writer, context) or client streaming (reader, context).
                Type[] invoer = [rpc.InputType.ClrType, typeof(IAsyncStreamReader<>).MakeGenericType(rpc.InputType.ClrType)];
                var methode = impl.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                    .SingleOrDefault(m => m.Name == rpc.Name && m.GetParameters() is [var eerste, .., var laatste]
                        && invoer.Contains(eerste.ParameterType) && laatste.ParameterType == typeof(ServerCallContext));
                var mag = methode?.DeclaringType == impl ? methode.GetCustomAttribute<MagAttribute>() : null;
                beleid.Add(new(service.FullName, rpc.Name, mag?.Wie ?? 0, mag?.Waarom ?? "",
                    methode?.GetCustomAttribute<PersoonsgegevensAttribute>() is not null));
            }
        }
        return beleid;
    }

    /// <summary>A generated service base class carries [BindServiceMethod(typeof(XService), ...)]; XService.Descriptor is the service.</summary>
    private static bool Bindt(Type? basis, ServiceDescriptor service) =>
        basis?.GetCustomAttribute<BindServiceMethodAttribute>() is { } bind
        && bind.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is ServiceDescriptor d
        && d.FullName == service.FullName;

    /// <summary>The matrix as a Markdown document: every RPC x every betrokkene, with what the relation is checked against.</summary>
    public static string Markdown(IReadOnlyList<RpcBeleid> beleid)
    {
        var s = new StringBuilder();
        s.AppendLine("# Autorisatie: wie mag welke RPC");
        s.AppendLine();
        s.AppendLine("Gegenereerd uit de `[Mag]`-declaraties naast de RPC's (`Autorisatiebeleid`); de matrixtest");
        s.AppendLine("(`AutorisatiematrixTests`) roept elke RPC aan als elke betrokkene en eist precies deze uitkomst.");
        s.AppendLine("Wijzig een declaratie en werk dit bestand bij met");
        s.AppendLine("`JBK_SCHRIJF_DOCS=1 dotnet test tests/Jbk.UnitTests --filter Autorisatie`.");
        s.AppendLine();
        s.AppendLine("Het soort organisatie wordt vóór de RPC gecontroleerd; de relatie tot de gegevens (wiens maatregel, welke");
        s.AppendLine("overdracht, welke regio) direct nadat de RPC ze geladen heeft, vóór elk antwoord, ook bij een herhaling.");
        s.AppendLine("Geweigerd is altijd `PERMISSION_DENIED`. 🔒 = persoonsgegevens: elke aanroep, toegestaan of niet, staat in het toegangslog.");
        s.AppendLine();
        var kolommen = Betrokkenen.Alle;
        s.AppendLine($"| RPC | {string.Join(" | ", kolommen.Select(Betrokkenen.Naam))} | relatie |");
        s.AppendLine($"|---|{string.Concat(kolommen.Select(_ => ":-:|"))}---|");
        foreach (var groep in beleid.GroupBy(b => b.Service))
        {
            s.AppendLine($"| **{groep.Key}** |{string.Concat(kolommen.Select(_ => " |"))} |");
            foreach (var b in groep)
                s.AppendLine($"| {b.Rpc}{(b.Persoonsgegevens ? " 🔒" : "")} | {string.Join(" | ", kolommen.Select(k => b.Wie.HasFlag(k) ? "✓" : "·"))} | {b.Waarom} |");
        }
        return s.ToString();
    }
}
