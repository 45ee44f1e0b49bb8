using System.CommandLine;
using Jbk.Clientenstop.V1;

namespace Jbk.Cli.Commands;

internal static class ClientenstopCommands
{
    public static Command Maak() => new("clientenstop", "Cliëntenstop: instroom en (later) voorstellen") { Instroom() };

    private static Command Instroom()
    {
        var regio = new Option<string>("--regio") { Description = "Regio, bijv. drenthe", Required = true };
        var type = new Option<string?>("--type") { Description = "Alleen dit type maatregel" };
        var command = new Command("instroom", "Nieuwe maatregelen per week in een regio") { regio, type };
        command.SetAction(async (r, ct) =>
        {
            var request = new GeefInstroomRequest { Regio = r.GetValue(regio) };
            if (r.GetValue(type) is { } t) request.Type = Parse.Type(t);
            using var channel = Verbinding.Open(r);
            var antwoord = await new ClientenstopService.ClientenstopServiceClient(channel).GeefInstroomAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => antwoord.Weken.Count == 0 ? "Geen instroom bekend."
                : string.Join(Environment.NewLine, antwoord.Weken.Select(w => $"{w.Week} {Parse.Tekst(w.Type),-20} {w.GiCode,-6} {w.Aantal,5}")));
        });
        return command;
    }
}
