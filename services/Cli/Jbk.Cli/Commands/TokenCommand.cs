using System.CommandLine;

namespace Jbk.Cli.Commands;

internal static class TokenCommand
{
    public static Command Maak()
    {
        var geldig = new Option<TimeSpan>("--geldig") { Description = "Geldigheidsduur, ten hoogste 01:00:00", DefaultValueFactory = _ => TimeSpan.FromHours(1) };
        var command = new Command("token", "Maakt een token voor --org met de lokale sleutel van het embedded platform") { geldig };
        command.SetAction(r => Console.WriteLine(Verbinding.MaakLokaalToken(r, r.GetValue(geldig))));
        return command;
    }
}
