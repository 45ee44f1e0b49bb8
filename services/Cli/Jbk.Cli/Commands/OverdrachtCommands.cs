using System.CommandLine;
using Jbk.Overdracht.V1;

namespace Jbk.Cli.Commands;

internal static class OverdrachtCommands
{
    public static Command Maak() => new("overdracht", "Overdracht van maatregelen tussen GI's") { Stand() };

    private static Command Stand()
    {
        var id = new Argument<string>("maatregel-id");
        var command = new Command("stand", "Wat overdracht weet van een maatregel: type, regio en verantwoordelijke GI") { id };
        command.SetAction(async (r, ct) =>
        {
            using var channel = Verbinding.Open(r);
            var antwoord = await new OverdrachtService.OverdrachtServiceClient(channel)
                .GeefMaatregelStandAsync(new GeefMaatregelStandRequest { MaatregelId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"{antwoord.MaatregelId} {Parse.Tekst(antwoord.Type)} in {antwoord.Regio}: verantwoordelijk {antwoord.VerantwoordelijkeGi}");
        });
        return command;
    }
}
