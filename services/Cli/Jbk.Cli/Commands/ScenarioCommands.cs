using Jbk.Planning;
using Jbk.Planning.Rapport;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;

namespace Jbk.Cli.Commands;

/// <summary>
/// Bulk-transfer scenarios, on the shipped synthetic Drenthe case (JBN to JBF, JBO, WSS and LJ&amp;R): load the caseload,
/// plan and dry-run (on the platform, or --lokaal without one), run, follow, report.
/// </summary>
internal static class ScenarioCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Option<string> StartOptie = new("--start")
    {
        Description = "Begin van het beëindigingscertificaat (jjjj-mm-dd)", DefaultValueFactory = _ => DateTime.UtcNow.ToString("yyyy-MM-dd"), Recursive = true,
    };

    private static readonly Option<int> AantalOptie = new("--aantal")
    {
        Description = "Aantal lopende maatregelen in de synthetische caseload", DefaultValueFactory = _ => 388, Recursive = true,
    };

    private static readonly Option<string?> ScenarioOptie = new("--scenario")
    {
        Description = "Id van het scenario; standaard dat van de Drenthe-casus op de startdatum", Recursive = true,
    };

    private static readonly Option<bool> VerlengdOptie = new("--verlengd")
    {
        Description = "Het beëindigingscertificaat eenmaal verlengd: laad-drenthe verlengt het, plan rekent met twaalf in plaats van zes maanden na de start", Recursive = true,
    };

    public static Command Maak()
    {
        var command = new Command("scenario", "Bulkoverdracht: de Drenthe-casus (JBN naar JBF, JBO, WSS en LJ&R) laden, plannen, proefdraaien, uitvoeren, volgen en rapporteren")
        {
            Laad(), Plan(), DryRunCommand(), ScenarioUitvoerCommands.Run(), ScenarioUitvoerCommands.Status(), ScenarioUitvoerCommands.Rapport(),
        };
        command.Options.Add(StartOptie);
        command.Options.Add(AantalOptie);
        command.Options.Add(ScenarioOptie);
        command.Options.Add(VerlengdOptie);
        return command;
    }

    internal static DateOnly Start(ParseResult r) => Parse.Datum(r.GetValue(StartOptie)!, "--start").ToDateOnly()!.Value;

    internal static int Aantal(ParseResult r) =>
        r.GetValue(AantalOptie) is var aantal and >= 1 ? aantal : throw new CliException("--aantal: ten minste één maatregel.");

    internal static string ScenarioId(ParseResult r) =>
        r.GetValue(ScenarioOptie) ?? ScenarioAanvragen.Id(r.GetValue(VerlengdOptie) ? "drenthe-verlengd" : "drenthe", Start(r)).ToString();

    internal static Scenario Drenthe(ParseResult r) => DrentheScenario.Scenario(Start(r), Aantal(r) / 388.0, r.GetValue(VerlengdOptie));

    /// <summary>Every service on the one embedded address, as any organisation (tokens from the local key).</summary>
    internal static Kanalen Kanalen(ParseResult r)
    {
        var kanalen = new Dictionary<Organisatie, CallInvoker>();
        CallInvoker Als(Organisatie org)
        {
            lock (kanalen)
                return kanalen.TryGetValue(org, out var k) ? k : kanalen[org] = Verbinding.OpenAls(r, org).CreateCallInvoker();
        }
        return new Kanalen(Als, Als, Als);
    }

    private static Command Laad()
    {
        var command = new Command("laad-drenthe", "Registreert de synthetische Drenthe-caseload van JBN in het platform, met contracten voor JBF en JBO in Drenthe, "
            + "de bezetting en maandelijkse caseload van de ontvangers, en het beëindigingscertificaat van JBN vanaf de start");
        command.SetAction(async (r, ct) =>
        {
            var start = Start(r);
            var aantal = Aantal(r);
            var k = Kanalen(r);
            var scenario = Drenthe(r);
            await SynthetischeCaseload.SluitContractenAsync(k, scenario.Ontvangers.Where(o => o.Soort == Contracts.GiSoort.Regionaal).Select(o => o.GiCode), "drenthe", start, ct);
            // The receivers report staffing and last month's caseload: capaciteit, not the scenario, then says how much each can take.
            var peildatum = Ketenstand.Peildatum(DateOnly.FromDateTime(DateTime.UtcNow));
            await Ketenstand.LaadAsync(k, aantal / 388.0, peildatum, ct: ct);
            var balk = new Voortgangsbalk("laden", aantal, r.GetValue(GlobaleOpties.Json));
            var geladen = await SynthetischeCaseload.LaadAsync(k, scenario.VerzendendeGi, "drenthe", DrentheScenario.Caseload(aantal, start), start,
                $"synthetisch:drenthe:{start:yyyy-MM-dd}", voortgang: new DirecteVoortgang<int>(balk.Toon), ct: ct);
            balk.Klaar();
            // Plan B's cause: JBN's certificate is not renewed; the wind-down certificate sets the deadline.
            var certificaat = await Certificaatverlies.VerliesAsync(k, scenario.VerzendendeGi, start, r.GetValue(VerlengdOptie), ct);
            Console.WriteLine(r.GetValue(GlobaleOpties.Json)
                ? JsonSerializer.Serialize(new
                {
                    geladen, gi = scenario.VerzendendeGi, regio = "drenthe", beeindigingscertificaatTot = certificaat.Tot.ToDateOnly(),
                    caseloadPeildatum = peildatum, ontvangers = Ketenstand.Drenthe.Select(o => o.GiCode),
                }, Json)
                : $"{geladen} synthetische maatregelen van {scenario.VerzendendeGi} in drenthe geregistreerd (geen echte persoonsgegevens); "
                  + $"{scenario.VerzendendeGi} heeft een beëindigingscertificaat tot {certificaat.Tot.ToDateOnly():yyyy-MM-dd}{(certificaat.Verlengingen > 0 ? " (eenmaal verlengd)" : "")}; "
                  + $"{string.Join(", ", Ketenstand.Drenthe.Select(o => o.GiCode))} rapporteerden bezetting en caseload per {peildatum:yyyy-MM-dd}");
        });
        return command;
    }

    private static Option<bool> Lokaal() => new("--lokaal") { Description = "Plan hier, op de gegenereerde caseload, zonder platform" };

    private static Option<string> Tempo() => new("--tempo")
    {
        Description = "kalender: week n start op haar datum; versneld: zodra de weken ervoor zijn omgezet (oefening)", DefaultValueFactory = _ => "kalender",
    };

    private static Option<string?> PlannerOptie() => new("--planner")
    {
        Description = "optimaal (CP-SAT, met grens en gap) of gretig; zonder: wat het platform instelt (lokaal: optimaal)",
    };

    private static Option<string?> GrafiekenOptie() => new("--grafieken")
    {
        Description = "Schrijf ook grafieken (PNG en SVG) in deze map: per ontvanger per week, vrije capaciteit voor en na",
    };

    private static void SchrijfGrafieken(string? map, Jbk.Planning.DryRunRapport d)
    {
        if (map is null) return;
        Geschreven(PlanGrafieken.Schrijf(map, d.Ontvangers.Select(o => new PlanGrafieken.Ontvanger(o.GiCode, o.VrijVoor, o.Ontvangen, o.VrijNa)).ToList(),
            d.Weken.Select(w => new PlanGrafieken.Week(w.Naar, w.Week, w.Totaal)).ToList(), (d.Deadline.DayNumber - d.Start.DayNumber + 6) / 7));
    }

    private static void SchrijfGrafieken(string? map, Overdracht.V1.DryRun d)
    {
        if (map is null) return;
        Geschreven(PlanGrafieken.Schrijf(map, d.Ontvangers.Select(o => new PlanGrafieken.Ontvanger(o.GiCode, o.VrijVoor, o.Ontvangen, o.VrijNa)).ToList(),
            d.Weken.Select(w => new PlanGrafieken.Week(w.NaarGi, w.Week, w.Totaal)).ToList(),
            (d.Deadline.ToDateOnly()!.Value.DayNumber - d.Start.ToDateOnly()!.Value.DayNumber + 6) / 7));
    }

    private static Command Plan()
    {
        var lokaal = Lokaal();
        var tempo = Tempo();
        var planner = PlannerOptie();
        var grafieken = GrafiekenOptie();
        var command = new Command("plan", "Wijst elke maatregel (per gezin) een ontvanger en een week toe; op het platform wordt het plan bewaard") { lokaal, tempo, planner, grafieken };
        command.SetAction(async (r, ct) =>
        {
            if (r.GetValue(lokaal))
            {
                var scenario = Drenthe(r);
                var caseload = DrentheScenario.Caseload(Aantal(r), Start(r));
                var uitkomst = OptimalePlanner.Maak(scenario, caseload,
                    new PlannerOpties { Methode = Methode(r.GetValue(planner)) is Overdracht.V1.Planmethode.Gretig ? Jbk.Planning.Planmethode.Gretig : Jbk.Planning.Planmethode.Optimaal });
                var plan = uitkomst.Plan;
                SchrijfGrafieken(r.GetValue(grafieken), Planning.DryRun.Maak(scenario, plan, caseload));
                if (r.GetValue(GlobaleOpties.Json)) { Console.WriteLine(JsonSerializer.Serialize(uitkomst, Json)); return; }
                foreach (var groep in plan.Toewijzingen.GroupBy(t => t.Naar).OrderBy(g => g.Key))
                    Console.WriteLine($"{groep.Key,-5} {groep.Count(),5} maatregelen in {groep.Select(t => t.GezinId).Distinct().Count()} gezinnen, weken {groep.Min(t => t.Week)}-{groep.Max(t => t.Week)}");
                Console.WriteLine($"niet plaatsbaar: {plan.NietPlaatsbaar.Count}; wisselingen van jeugdbeschermer: {plan.Wisselingen}; deadline {(plan.DeadlineGehaald ? "gehaald" : "NIET gehaald")}");
                Console.WriteLine($"planner {uitkomst.Methode}: score {uitkomst.Doelwaarde.Totaal:N0}"
                    + (uitkomst.Grens is { } grens ? $", grens {grens:N0}, gap {uitkomst.Gap:P4}" : "") + $" ({uitkomst.Toelichting}, {uitkomst.Duur.TotalSeconds:0.0} s)");
                return;
            }
            var versneld = Parse.Keuze<ScenarioTempo>(r.GetValue(tempo)!, "--tempo");
            var request = ScenarioAanvragen.Van(Guid.Parse(ScenarioId(r)), Drenthe(r), versneld);
            request.Planmethode = Methode(r.GetValue(planner));
            var antwoord = await Kanalen(r).Scenarios(Organisatie.Operator).PlanScenarioAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord.DryRun, () => ScenarioTekst.DryRun(antwoord.DryRun));
            SchrijfGrafieken(r.GetValue(grafieken), antwoord.DryRun);
        });
        return command;
    }

    private static Overdracht.V1.Planmethode Methode(string? planner) =>
        string.IsNullOrWhiteSpace(planner) ? Overdracht.V1.Planmethode.Unspecified : Parse.Keuze<Overdracht.V1.Planmethode>(planner.Trim(), "--planner");

    private static Command DryRunCommand()
    {
        var lokaal = Lokaal();
        var grafieken = GrafiekenOptie();
        var command = new Command("dry-run", "Wat het plan zou doen: per ontvanger en week, capaciteit voor en na, belasting van de rechtbank") { lokaal, grafieken };
        command.SetAction(async (r, ct) =>
        {
            var map = r.GetValue(grafieken);
            if (r.GetValue(lokaal))
            {
                var (scenario, caseload, plan) = LokaalPlan(r);
                var rapport = Planning.DryRun.Maak(scenario, plan, caseload);
                Console.WriteLine(r.GetValue(GlobaleOpties.Json) ? JsonSerializer.Serialize(rapport, Json) : ScenarioTekst.DryRun(rapport));
                SchrijfGrafieken(map, rapport);
                return;
            }
            var antwoord = await Kanalen(r).Scenarios(Organisatie.Operator).GeefDryRunAsync(new GeefDryRunRequest { ScenarioId = ScenarioId(r) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord.DryRun, () => ScenarioTekst.DryRun(antwoord.DryRun));
            SchrijfGrafieken(map, antwoord.DryRun);
        });
        return command;
    }

    private static (Scenario, IReadOnlyList<TePlaatsen>, Plan) LokaalPlan(ParseResult r)
    {
        var scenario = Drenthe(r);
        var caseload = DrentheScenario.Caseload(Aantal(r), Start(r));
        return (scenario, caseload, OptimalePlanner.Maak(scenario, caseload, new PlannerOpties()).Plan);
    }

    private static void Geschreven(IReadOnlyList<string> bestanden) => Console.Error.WriteLine($"grafieken: {string.Join(", ", bestanden)}");
}
