using System.CommandLine;
using Grpc.Health.V1;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;

namespace Jbk.Cli.Commands;

internal static class HealthCommand
{
    private static readonly string[] Services =
    [
        MaatregelService.Descriptor.FullName, CapaciteitService.Descriptor.FullName,
        OverdrachtService.Descriptor.FullName, ClientenstopService.Descriptor.FullName,
    ];

    public static Command Maak()
    {
        var alleen = new Option<string[]>("--service") { Description = "Alleen deze gRPC-service(s) controleren" };
        var command = new Command("health", "Vraagt grpc.health.v1 naar de status van elke service") { alleen };
        command.SetAction(async (r, ct) =>
        {
            using var channel = Verbinding.OpenAnoniem(r);
            var client = new Health.HealthClient(channel);
            var teControleren = r.GetValue(alleen) is { Length: > 0 } gekozen ? gekozen : Services;
            var allesGoed = true;
            foreach (var service in teControleren)
            {
                var antwoord = await client.CheckAsync(new HealthCheckRequest { Service = service }, cancellationToken: ct);
                allesGoed &= antwoord.Status == HealthCheckResponse.Types.ServingStatus.Serving;
                Console.WriteLine($"{service}: {antwoord.Status}");
            }
            return allesGoed ? 0 : 1;
        });
        return command;
    }
}
