using System.CommandLine;
using Jbk.Contracts;
using Jbk.Planning.Rapport;
using Jbk.Planning.WatAls;
using Jbk.Simulatie;

namespace Jbk.Cli.Commands;

/// <summary><c>jbk wat-als</c>: the seeds' four scenarios side by side, as a table, charts and one HTML report.</summary>
internal static class WatAlsCommand
{
    public static Command Maak()
    {
        var instellingen = new Option<string?>("--instellingen") { Description = "Een eigen instellingenbestand (JSON, zoals wat-als.json); zonder: de vier scenario's uit de seeds" };
        var uit = new Option<string>("--uit") { Description = "Map voor het rapport (HTML, PNG, SVG, JSON)", DefaultValueFactory = _ => "wat-als" };
        var start = new Option<string?>("--start") { Description = "Week 0 (jjjj-mm-dd); zonder: vandaag" };
        var command = new Command("wat-als", "Vergelijkt de scenario's voor een GI die haar certificaat verliest, week voor week over een jaar, "
            + "op de Drenthe-oefendata: belasting tegen capaciteit, kinderen zonder vaste jeugdbeschermer en hun wachttijd, wisselingen, "
            + "maatregelen bij een GI zonder geldig certificaat") { instellingen, uit, start };
        command.SetAction((r, _) =>
        {
            var pad = r.GetValue(instellingen);
            WatAlsInstellingen i;
            try { i = pad is null ? WatAlsInstellingenLezer.Standaard() : WatAlsInstellingenLezer.Lees(File.ReadAllText(pad), pad); }
            catch (Exception e) when (e is ArgumentException or IOException) { throw new CliException(e.Message); }
            var dag = r.GetValue(start) is { } s ? Parse.Datum(s, "--start").ToDateOnly()!.Value : DateOnly.FromDateTime(DateTime.Today);
            var invoer = DrentheWatAls.Invoer(dag, i.Weken);
            var uitkomsten = i.Scenarios.Select(sc => WatAlsModel.Simuleer(invoer, sc)).ToList();
            var bestanden = WatAlsRapport.Schrijf(r.GetValue(uit)!, invoer, i, uitkomsten);
            Console.Write(WatAlsRapport.Tabel(uitkomsten));
            Console.WriteLine($"rapport: {Path.Combine(r.GetValue(uit)!, "wat-als.html")} ({bestanden.Count} bestanden)");
            return Task.FromResult(0);
        });
        return command;
    }
}
