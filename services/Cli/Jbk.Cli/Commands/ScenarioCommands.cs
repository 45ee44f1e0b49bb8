using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jbk.Contracts;
using Jbk.Overdracht.Scenarios;

namespace Jbk.Cli.Commands;

/// <summary>
/// Bulk-transfer scenarios. `plan` and `dry-run` run the planner here, on the shipped synthetic Drenthe scenario;
/// executing a plan against the platform (run, status, report) follows.
/// </summary>
internal static class ScenarioCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Maak() => new("scenario", "Bulkoverdracht: plannen en proefdraaien (de Drenthe-casus: JBN naar JBF, JBO, WSS en LJ&R)")
    {
        Plan(), DryRunCommand(),
    };

    private static (Option<string> Start, Option<int> Aantal) Opties() => (
        new Option<string>("--start") { Description = "Begin van het beëindigingscertificaat", DefaultValueFactory = _ => DateTime.UtcNow.ToString("yyyy-MM-dd") },
        new Option<int>("--aantal") { Description = "Aantal lopende maatregelen in de synthetische caseload", DefaultValueFactory = _ => 388 });

    private static (Scenario, IReadOnlyList<TePlaatsen>, Plan) Maak(ParseResult r, Option<string> startOptie, Option<int> aantalOptie)
    {
        var start = Parse.Datum(r.GetValue(startOptie)!, "--start").ToDateOnly()!.Value;
        var aantal = r.GetValue(aantalOptie);
        if (aantal < 1) throw new CliException("--aantal: ten minste één maatregel.");
        var scenario = DrentheScenario.Scenario(start, aantal / 388.0);
        var caseload = DrentheScenario.Caseload(aantal, start);
        return (scenario, caseload, Planner.Maak(scenario, caseload));
    }

    private static Command Plan()
    {
        var (start, aantal) = Opties();
        var command = new Command("plan", "Wijst elke maatregel (per gezin) een ontvanger en een week toe") { start, aantal };
        command.SetAction(r =>
        {
            var (_, _, plan) = Maak(r, start, aantal);
            if (r.GetValue(GlobaleOpties.Json)) { Console.WriteLine(JsonSerializer.Serialize(plan, Json)); return; }
            foreach (var groep in plan.Toewijzingen.GroupBy(t => t.Naar).OrderBy(g => g.Key))
                Console.WriteLine($"{groep.Key,-5} {groep.Count(),5} maatregelen in {groep.Select(t => t.GezinId).Distinct().Count()} gezinnen, weken {groep.Min(t => t.Week)}-{groep.Max(t => t.Week)}");
            Console.WriteLine($"niet plaatsbaar: {plan.NietPlaatsbaar.Count}; wisselingen van jeugdbeschermer: {plan.Wisselingen}; deadline {(plan.DeadlineGehaald ? "gehaald" : "NIET gehaald")}");
        });
        return command;
    }

    private static Command DryRunCommand()
    {
        var (start, aantal) = Opties();
        var command = new Command("dry-run", "Wat het plan zou doen: per ontvanger en week, capaciteit voor en na, belasting van de rechtbank") { start, aantal };
        command.SetAction(r =>
        {
            var (scenario, caseload, plan) = Maak(r, start, aantal);
            var rapport = DryRun.Maak(scenario, plan, caseload);
            if (r.GetValue(GlobaleOpties.Json)) { Console.WriteLine(JsonSerializer.Serialize(rapport, Json)); return; }
            var tekst = new StringBuilder($"{rapport.VerzendendeGi}: {rapport.AantalMaatregelen} maatregelen in {rapport.AantalGezinnen} gezinnen, {rapport.Start:yyyy-MM-dd} tot {rapport.Deadline:yyyy-MM-dd}");
            foreach (var o in rapport.Ontvangers)
                tekst.Append($"{Environment.NewLine}  {o.GiCode,-5} vrij {o.VrijVoor,5} -> {o.VrijNa,5}  ontvangt {o.Ontvangen,5} (plafond {o.Plafond}, {o.WekelijkseLimiet}/week)");
            foreach (var w in rapport.Weken)
                tekst.Append($"{Environment.NewLine}  week {w.Week,2} ({w.WeekVan:yyyy-MM-dd}) {w.Naar,-5} {w.Totaal,3}: {string.Join(", ", w.PerType.Select(p => $"{p.Key} {p.Value}"))}");
            foreach (var b in rapport.Rechtbank) tekst.Append($"{Environment.NewLine}  rechtbank week {b.Week,2}: {b.Aantal}/{b.Maximum}");
            foreach (var n in rapport.NietPlaatsbaar) tekst.Append($"{Environment.NewLine}  NIET PLAATSBAAR {n.MaatregelId} ({n.Type}): {n.Reden}");
            tekst.Append($"{Environment.NewLine}deadline {(rapport.DeadlineGehaald ? "gehaald" : "NIET gehaald")}, laatste omzetweek {rapport.LaatsteOmzetweek:yyyy-MM-dd}, "
                + $"{rapport.Wisselingen} wisselingen van jeugdbeschermer, {rapport.GemarkeerdeTermijnen} termijnen gemarkeerd");
            Console.WriteLine(tekst);
        });
        return command;
    }
}
