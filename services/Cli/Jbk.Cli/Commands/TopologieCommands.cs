using System.CommandLine;
using Jbk.Topologie;

namespace Jbk.Cli.Commands;

/// <summary>
/// jbk topologie: renders the one topology description (services/Topologie) into the settings every process of the
/// distributed mode starts with. scripts/distributed.sh starts exactly what <c>lokaal</c> writes; <c>schrijf</c> renews
/// the env files that docker-compose.yml and k8s/ use (the topology tests fail when they are out of date).
/// </summary>
internal static class TopologieCommands
{
    public static Command Maak() => new("topologie", "De instellingen van elk proces van de gedistribueerde modus, uit de ene topologiebeschrijving")
    {
        Lokaal(), Schrijf(), Sleutels(), Geheimen(),
    };

    private static Command Geheimen()
    {
        var map = new Option<string>("--map") { Description = "De map van docker compose's geheimen", DefaultValueFactory = _ => ".jbk" };
        var command = new Command("geheimen", "Schrijft <map>/infra.env (wachtwoorden van PostgreSQL en RabbitMQ, verbindingen van de diensten) voor docker compose, waar het ontbreekt") { map };
        command.SetAction(r =>
        {
            var pad = Path.GetFullPath(r.GetValue(map)!);
            Console.WriteLine(ComposeGeheimen.MaakAls(pad) ? $"geschreven: {ComposeGeheimen.Bestand(pad)}" : $"bestaat al: {ComposeGeheimen.Bestand(pad)}");
        });
        return command;
    }

    private static Command Sleutels()
    {
        var map = new Option<string>("--map") { Description = "Map voor de sleutels, bijv. .jbk/sleutels (docker compose koppelt die aan /keys)", Required = true };
        var command = new Command("sleutels", "Maakt de sleutel van de identity provider (idp) en die van elke aanroepende dienst, waar ze ontbreken") { map };
        command.SetAction(r =>
        {
            var pad = Path.GetFullPath(r.GetValue(map)!);
            Weergave.MaakSleutels(pad);
            foreach (var naam in Topologie.Topologie.Sleutelnamen) Console.WriteLine(Path.Combine(pad, naam + ".pem"));
        });
        return command;
    }

    private static Command Lokaal()
    {
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL-server (verbindingsreeks zonder database)", Required = true };
        var rabbitmq = new Option<string>("--rabbitmq") { Description = "AMQP-URI van RabbitMQ", Required = true };
        var map = new Option<string>("--map") { Description = "Map voor sleutels (sleutels/), data (data/) en de env-bestanden", Required = true };
        var replicas = new Option<int>("--replicas") { Description = "Instanties per dienst", DefaultValueFactory = _ => 1 };
        var basis = new Option<int>("--poort-basis") { Description = "Gateway op basis (gRPC) en basis+100 (HTTP); dienst n op basis+n+10*replica", DefaultValueFactory = _ => 5100 };
        var command = new Command("lokaal", "Schrijft <map>/<proces>.env per proces en <map>/processen (naam, assembly, poorten); maakt ontbrekende sleutels")
        {
            postgres, rabbitmq, map, replicas, basis,
        };
        command.SetAction(r =>
        {
            var inzet = new LokaleInzet
            {
                Postgres = r.GetValue(postgres)!, RabbitMq = r.GetValue(rabbitmq)!, Map = Path.GetFullPath(r.GetValue(map)!),
                Replicas = r.GetValue(replicas), PoortBasis = r.GetValue(basis),
            };
            Weergave.MaakSleutels(inzet);
            var processen = Weergave.Lokaal(inzet);
            foreach (var p in processen) File.WriteAllText(Path.Combine(inzet.Map, p.Naam + ".env"), Weergave.AlsEnvBestand(p.Omgeving));
            File.WriteAllLines(Path.Combine(inzet.Map, "processen"),
                processen.Select(p => $"{p.Naam} {p.Dienst.Dll("Release")} {p.GrpcPoort} {p.HttpPoort}"));
            Console.WriteLine($"{processen.Count} processen in {inzet.Map}/processen");
        });
        return command;
    }

    private static Command Schrijf()
    {
        var repo = new Option<string>("--repo") { Description = "De map van de repository", DefaultValueFactory = _ => "." };
        var command = new Command("schrijf", "Vernieuwt deploy/compose/<dienst>.env, k8s/base/config/<dienst>.env, k8s/base/gegenereerd/ en compose's Prometheus-configuratie uit de topologie") { repo };
        command.SetAction(r =>
        {
            foreach (var (pad, inhoud) in DeployBestanden.Alle(Path.GetFullPath(r.GetValue(repo)!)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(pad)!);
                File.WriteAllText(pad, inhoud);
                Console.WriteLine(pad);
            }
        });
        return command;
    }
}
