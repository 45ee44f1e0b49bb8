using System.CommandLine;
using Jbk.BuildingBlocks.Security;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;

namespace Jbk.Cli.Commands;

/// <summary>Approve and run a planned scenario, follow its progress, read its continuity report.</summary>
internal static class ScenarioUitvoerCommands
{
    public static Command Run()
    {
        var simuleer = new Option<bool>("--simuleer-ketenpartners")
        {
            Description = "Oefening: de CLI speelt de GI's (dossier, acceptatie, rechter, warme overdracht, vaste jeugdbeschermer) tot het scenario klaar is",
        };
        var weiger = new Option<int>("--weiger")
        {
            Description = "Oefening: de ontvangers weigeren de eerste N overdrachten van één maatregel (die worden opnieuw gepland, binnen de herplanreserve)",
        };
        var command = new Command("run", "Keurt het plan goed: de overdrachten starten week na week") { simuleer, weiger };
        command.SetAction(async (r, ct) =>
        {
            var id = ScenarioCommands.ScenarioId(r);
            var k = ScenarioCommands.Kanalen(r);
            var voortgang = (await k.Scenarios(Organisatie.Operator).KeurScenarioGoedAsync(new KeurScenarioGoedRequest { ScenarioId = id }, cancellationToken: ct)).Voortgang;
            if (r.GetValue(simuleer))
            {
                var teWeigeren = r.GetValue(weiger);
                var geweigerd = new HashSet<string>();
                var partners = new Ketenpartners(k, o =>
                {
                    lock (geweigerd)
                    {
                        if (geweigerd.Contains(o.Id)) return true;
                        if (geweigerd.Count >= teWeigeren || o.MaatregelIds.Count != 1) return false;
                        return geweigerd.Add(o.Id);
                    }
                });
                var balk = new Voortgangsbalk("overdragen", voortgang.Totaal, r.GetValue(GlobaleOpties.Json));
                voortgang = await partners.DraaiAsync(id, new DirecteVoortgang<ScenarioVoortgang>(v => balk.Toon(v.Voltooid + v.NietPlaatsbaar, ScenarioTekst.Kort(v))), ct);
                balk.Klaar();
            }
            Uitvoer.Toon(r, voortgang, () => ScenarioTekst.Voortgang(voortgang));
        });
        return command;
    }

    public static Command Status()
    {
        var command = new Command("status", "Voortgang: klaar, in behandeling, geweigerd (opnieuw gepland), vastgelopen");
        command.SetAction(async (r, ct) =>
        {
            var voortgang = (await ScenarioCommands.Kanalen(r).Scenarios(Organisatie.Operator)
                .GeefScenarioVoortgangAsync(new GeefScenarioVoortgangRequest { ScenarioId = ScenarioCommands.ScenarioId(r) }, cancellationToken: ct)).Voortgang;
            Uitvoer.Toon(r, voortgang, () => ScenarioTekst.Voortgang(voortgang));
        });
        return command;
    }

    public static Command Rapport()
    {
        var perMaatregel = new Option<bool>("--per-maatregel") { Description = "Ook elke maatregel: oude en nieuwe GI, omzetting, vaste jeugdbeschermer" };
        var command = new Command("report", "Continuïteitsrapport: elke maatregel en elke continuïteitsregel met haar uitkomst") { perMaatregel };
        command.SetAction(async (r, ct) =>
        {
            var rapport = (await ScenarioCommands.Kanalen(r).Scenarios(Organisatie.Operator)
                .GeefContinuiteitsrapportAsync(new GeefContinuiteitsrapportRequest { ScenarioId = ScenarioCommands.ScenarioId(r) }, cancellationToken: ct)).Rapport;
            Uitvoer.Toon(r, rapport, () => ScenarioTekst.Rapport(rapport, r.GetValue(perMaatregel)));
            // The rehearsal's verdict for scripts: 3 when a rule broke (the action's result is the exit code; setting
            // Environment.ExitCode was overruled by it, so a broken rule used to end in 0).
            return rapport.AlleRegelsGehaald ? 0 : 3;
        });
        return command;
    }
}
