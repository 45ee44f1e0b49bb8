using System.CommandLine;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using SimuleerWatAlsRequest = Jbk.Overdracht.V1.SimuleerWatAlsRequest;
using SimuleerWatAlsResponse = Jbk.Overdracht.V1.SimuleerWatAlsResponse;
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
        var platform = new Option<bool>("--platform") { Description = "Reken met de gegevens van het platform (SimuleerWatAls) in plaats van de Drenthe-oefendata" };
        var gi = new Option<string>("--gi") { Description = "Met --platform: de GI die haar certificaat verliest", DefaultValueFactory = _ => "JBN" };
        var regio = new Option<string[]>("--regio") { Description = "Met --platform: de regio('s) van haar maatregelen", DefaultValueFactory = _ => ["drenthe"] };
        var command = new Command("wat-als", "Vergelijkt de scenario's voor een GI die haar certificaat verliest, week voor week over een jaar, "
            + "op de Drenthe-oefendata: belasting tegen capaciteit, kinderen zonder vaste jeugdbeschermer en hun wachttijd, wisselingen, "
            + "maatregelen bij een GI zonder geldig certificaat") { instellingen, uit, start, platform, gi, regio };
        command.SetAction(async (r, ct) =>
        {
            var pad = r.GetValue(instellingen);
            WatAlsInstellingen i;
            try { i = pad is null ? WatAlsInstellingenLezer.Standaard() : WatAlsInstellingenLezer.Lees(File.ReadAllText(pad), pad); }
            catch (Exception e) when (e is ArgumentException or IOException) { throw new CliException(e.Message); }
            var dag = r.GetValue(start) is { } s ? Parse.Datum(s, "--start").ToDateOnly()!.Value : DateOnly.FromDateTime(DateTime.Today);
            WatAlsInvoer invoer;
            List<WatAlsUitkomst> uitkomsten;
            if (r.GetValue(platform))
            {
                var request = new SimuleerWatAlsRequest { VerzendendeGi = r.GetValue(gi)!, Regios = { r.GetValue(regio)! }, Start = dag.ToProto(), InstellingenJson = pad is null ? "" : File.ReadAllText(pad) };
                var antwoord = await ScenarioCommands.Kanalen(r).Scenarios(Organisatie.Operator).SimuleerWatAlsAsync(request, cancellationToken: ct);
                (invoer, uitkomsten) = WatAlsAntwoord.Lees(antwoord);
                i = i with { Aannames = antwoord.Aannames.ToList() };
            }
            else
            {
                invoer = DrentheWatAls.Invoer(dag, i.Weken);
                uitkomsten = i.Scenarios.Select(sc => WatAlsModel.Simuleer(invoer, sc)).ToList();
            }
            var bestanden = WatAlsRapport.Schrijf(r.GetValue(uit)!, invoer, i, uitkomsten);
            Console.Write(WatAlsRapport.Tabel(uitkomsten));
            Console.WriteLine($"rapport: {Path.Combine(r.GetValue(uit)!, "wat-als.html")} ({bestanden.Count} bestanden)");
        });
        return command;
    }
}

/// <summary>The platform's answer back in the model's terms, so the same report writer draws it.</summary>
internal static class WatAlsAntwoord
{
    public static (Planning.WatAls.WatAlsInvoer, List<WatAlsUitkomst>) Lees(SimuleerWatAlsResponse a)
    {
        var i = a.Invoer;
        var invoer = new Planning.WatAls.WatAlsInvoer(i.Start.ToDateOnly()!.Value, i.Weken, i.VerzendendeGi, i.EindweekLopend.Select(w => w < 0 ? (int?)null : w).ToList(),
            i.WachtendNu, i.InstroomPerWeek, i.GemiddeldeDuurWeken,
            i.Gis.Select(g => new Planning.WatAls.WatAlsGi(g.GiCode, g.Fte, g.Norm, g.EigenCaseload, g.VerloopPerWeek, g.WervingFtePerWeek)).ToList());
        var uitkomsten = a.Scenarios.Select(s =>
        {
            var weken = s.Weken.Select(w => new Planning.WatAls.WatAlsWeek(w.Week, w.GiCode, w.Caseload, w.Capaciteit, w.ZonderVasteJeugdbeschermer,
                w.GemiddeldeWachtweken, w.Ontvangen, w.Wisselingen, w.ZonderCertificaat, w.Fte)).ToList();
            var v = s.Samenvatting;
            return new WatAlsUitkomst(new WatAlsScenario { Code = s.Code, Naam = s.Naam, Omschrijving = s.Omschrijving }, weken,
                new WatAlsSamenvatting(v.ZonderVasteJeugdbeschermerPiek, v.PiekWeek, v.ZonderVasteJeugdbeschermerEinde, v.GemiddeldeWachtweken, v.WisselingenTotaal,
                    v.ZonderCertificaatPiek, v.ZonderCertificaatMaatregelweken, v.OverbelasteGiWeken, v.OverdrachtenTotaal, v.DoorLokaleTeams,
                    weken.GroupBy(w => w.GiCode).ToDictionary(g => g.Key, g => g.Max(w => w.Belasting))));
        }).ToList();
        return (invoer, uitkomsten);
    }
}
