using System.CommandLine;
using Jbk.Common.V1;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;

namespace Jbk.Cli.Commands;

/// <summary>
/// jbk audit: the NEN 7513 access logs of maatregelregistratie and overdracht. <c>verify</c> (as operator) checks both
/// hash chains and names where one is broken (exit 1); <c>lees</c> shows the calling organisation's own entries.
/// </summary>
internal static class AuditCommands
{
    public static Command Maak() => new("audit", "De toegangslogs (NEN 7513) van maatregelregistratie en overdracht") { Verify(), Lees() };

    private static Command Verify()
    {
        var command = new Command("verify", "Controleert de hash-keten van beide toegangslogs (als beheerder); exit 1 als een keten gebroken is");
        command.SetAction(async (r, ct) =>
        {
            var kanaal = Verbinding.Open(r);
            var uitslagen = new (string Dienst, Ketencontrole Uitslag)[]
            {
                ("maatregelregistratie", (await new MaatregelService.MaatregelServiceClient(kanaal).ControleerToegangslogAsync(new(), cancellationToken: ct)).Uitslag),
                ("overdracht", (await new OverdrachtService.OverdrachtServiceClient(kanaal).ControleerToegangslogAsync(new(), cancellationToken: ct)).Uitslag),
            };
            foreach (var (dienst, u) in uitslagen)
                Console.WriteLine(u.Intact
                    ? $"{dienst}: intact, {u.AantalRegels} regels"
                    : $"{dienst}: GEBROKEN bij regel {u.Volgorde}: {u.Reden}");
            return uitslagen.All(u => u.Uitslag.Intact) ? 0 : 1;
        });
        return command;
    }

    private static Command Lees()
    {
        var dienst = new Option<string>("--dienst") { Description = "maatregelregistratie of overdracht", DefaultValueFactory = _ => "maatregelregistratie" };
        var aantal = new Option<int>("--aantal") { DefaultValueFactory = _ => 50 };
        var command = new Command("lees", "Toont de eigen regels van de organisatie uit een toegangslog, nieuwste eerst") { dienst, aantal };
        command.SetAction(async (r, ct) =>
        {
            var kanaal = Verbinding.Open(r);
            var verzoek = (Aantal: r.GetValue(aantal), Dienst: r.GetValue(dienst));
            IReadOnlyList<Toegangsregel> regels = verzoek.Dienst switch
            {
                "maatregelregistratie" => (await new MaatregelService.MaatregelServiceClient(kanaal).LeesToegangslogAsync(
                    new Maatregelen.V1.LeesToegangslogRequest { Aantal = verzoek.Aantal }, cancellationToken: ct)).Regels,
                "overdracht" => (await new OverdrachtService.OverdrachtServiceClient(kanaal).LeesToegangslogAsync(
                    new Overdracht.V1.LeesToegangslogRequest { Aantal = verzoek.Aantal }, cancellationToken: ct)).Regels,
                _ => throw new ArgumentException("--dienst is maatregelregistratie of overdracht"),
            };
            foreach (var g in regels)
                Console.WriteLine($"{g.Volgorde,6} {g.Op.ToDateTime():u} {g.Organisatie,-12} {g.Gebruiker,-16} {g.Handeling.Split('/')[^1],-28} {g.Uitkomst,-18} {string.Join(' ', g.Betrokkenen)}");
            return 0;
        });
        return command;
    }
}
