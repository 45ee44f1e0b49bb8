using System.CommandLine;
using System.Text;
using Jbk.Capaciteit.V1;

namespace Jbk.Cli.Commands;

internal static class CapaciteitCommands
{
    public static Command Maak() => new("capaciteit", "Capaciteit: GI-register en belasting") { Instellingen(), Belasting() };

    private static Command Instellingen()
    {
        var command = new Command("instellingen", "Toont de GI's in het register");
        command.SetAction(async (r, ct) =>
        {
            using var channel = Verbinding.Open(r);
            var antwoord = await new CapaciteitService.CapaciteitServiceClient(channel).ListInstellingenAsync(new(), cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => string.Join(Environment.NewLine, antwoord.Instellingen.Select(i =>
                $"{i.Code,-6} {i.Naam,-56} {(i.Soort == InstellingSoort.Landelijk ? "landelijk: " + string.Join(", ", i.Doelgroepen) : string.Join(", ", i.Regios))}")));
        });
        return command;
    }

    private static Command Belasting()
    {
        var gi = new Argument<string>("gi-code");
        var command = new Command("belasting", "Toont de lopende maatregelen van een GI, per type en regio") { gi };
        command.SetAction(async (r, ct) =>
        {
            using var channel = Verbinding.Open(r);
            var antwoord = await new CapaciteitService.CapaciteitServiceClient(channel)
                .GeefBelastingAsync(new GeefBelastingRequest { GiCode = r.GetValue(gi) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () =>
            {
                var tekst = new StringBuilder($"{antwoord.GiCode}: {antwoord.LopendeMaatregelen} lopende maatregelen");
                foreach (var s in antwoord.PerSoort) tekst.Append($"{Environment.NewLine}  {Parse.Tekst(s.Type),-20} {s.Regio,-20} {s.Aantal,5}");
                return tekst.ToString();
            });
        });
        return command;
    }
}
