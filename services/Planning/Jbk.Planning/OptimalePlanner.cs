using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Jbk.Contracts;

namespace Jbk.Planning;

/// <summary>
/// The optimal transfer plan (CP-SAT): the greedy planner's hard rules — type, certificate, region or doelgroep, free
/// capacity and ceiling, weekly limits, the court's weekly batch, whole families in one week to one receiver, every
/// switch before the deadline — and the objective of <see cref="Plandoel"/>. Families that are alike for every rule
/// and every term (size, the receivers that may take them, where their workers move, the week of their first deadline) are one
/// class, and the model counts families of a class per receiver and week: the same optimum as one variable per family,
/// in a model small enough for a national caseload. The linear relaxation bounds every plan; the search looks only at
/// plans close to that bound, nearest band first, which on the Drenthe caseloads finds and proves the optimum in about a
/// second. The greedy plan is the solver's warm start, and stands when the solver finds nothing better within its
/// limit. Deterministic: the same input and settings give the same plan.
/// </summary>
public static class OptimalePlanner
{
    public static Planuitkomst Maak(Scenario scenario, IReadOnlyList<TePlaatsen> maatregelen, PlannerOpties opties, Voorbezetting? voor = null)
    {
        var klok = Stopwatch.StartNew();
        var g = opties.Gewichten;
        var gretig = GretigePlanner.Maak(scenario, maatregelen, voor);
        var gretigeScore = Plandoel.Score(scenario, gretig, g, voor);
        if (opties.Methode == Planmethode.Gretig)
            return new Planuitkomst(gretig, Planmethode.Gretig, gretigeScore, null, "gretig", klok.Elapsed, "gretige planner (ingesteld)");

        var ontvangers = scenario.Ontvangers.OrderBy(o => o.GiCode, StringComparer.Ordinal).ToList();
        var weken = scenario.AantalWeken;
        var vanaf = Math.Min(voor?.VanafWeek ?? 0, weken);
        var totaal = ontvangers.Select(o => voor?.Totaal.GetValueOrDefault(o.GiCode) ?? 0).ToArray();
        var perWeek = ontvangers.Select(o => voor?.PerWeek.GetValueOrDefault(o.GiCode) ?? new int[weken]).ToArray();
        var rechtbank = voor?.Rechtbank ?? new int[weken];
        var meegaand = scenario.MeegaandeMedewerkers.ToDictionary(m => m.JeugdbeschermerId, m => m.NaarGi);
        var klassen = Klassen(scenario, maatregelen, ontvangers, meegaand, vanaf, weken, voor?.Uitgesloten);

        var planmodel = Planmodel.Bouw(scenario, ontvangers, klassen, g, totaal, perWeek, rechtbank, vanaf, voor);
        // The relaxation's bound first (a tenth of a second): a greedy plan that reaches it is optimal, without a search.
        var relaxatie = planmodel.Relaxatiegrens();
        if (relaxatie is not null && gretigeScore.Totaal >= relaxatie.Grens)
            return new Planuitkomst(gretig, Planmethode.Optimaal, gretigeScore, relaxatie.Grens, "Optimal", klok.Elapsed,
                "bewezen optimaal: het gretige plan haalt de grens van de lineaire relaxatie");
        var hint = Aantallen(planmodel, gretig);

        if (relaxatie is null)
            return Zoek(planmodel.NaarCpSat(hint), opties.Tijdslimiet, null);

        // Then the plans that come close to the bound, nearest first: only plans scoring at least the bound less δ are
        // left in (see Relaxatie), a model small enough that the solver finds the best of them, or proves there is none,
        // in well under a second (measured on unseen caseloads). The best plan of the first band that holds one is the
        // optimum; each empty band lowers the bound. The last band reaches down to the greedy plan.
        var rest = opties.Tijdslimiet;
        long? bovengrens = null;
        for (var delta = 0L; relaxatie.Grens - delta > gretigeScore.Totaal; delta = Math.Max(1, delta * 8))
        {
            var (band, v) = planmodel.NaarCpSat(hint, relaxatie, ondergrens: relaxatie.Grens - delta);
            var (status, solver) = Los(band, Math.Min(rest, opties.Tijdslimiet / 4));
            rest -= solver.Response?.DeterministicTime ?? 0;
            if (status == CpSolverStatus.Infeasible) { bovengrens = relaxatie.Grens - delta - 1; continue; }
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible) return Uitkomst(status, solver, v, bovengrens);
            break;
        }
        return Zoek(planmodel.NaarCpSat(hint, relaxatie, ondergrens: gretigeScore.Totaal), rest, bovengrens);

        Planuitkomst Zoek((CpModel Model, IntVar[] Aantallen) m, double tijdslimiet, long? bekend)
        {
            var (status, solver) = Los(m.Model, tijdslimiet);
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible) return Uitkomst(status, solver, m.Aantallen, bekend);
            return new Planuitkomst(gretig, Planmethode.Gretig, gretigeScore, bekend ?? relaxatie?.Grens, status.ToString(), klok.Elapsed,
                $"de oplosser vond binnen {opties.Tijdslimiet} s geen beter plan ({status}); het gretige plan staat");
        }

        Planuitkomst Uitkomst(CpSolverStatus status, CpSolver solver, IntVar[] n, long? bekend)
        {
            var plan = Uitpakken(scenario, planmodel, n.Select(v => (int)solver.Value(v)).ToArray(), meegaand, perWeek, rechtbank, vanaf, weken, voor);
            var score = Plandoel.Score(scenario, plan, g, voor);
            var grens = Math.Min((long)Math.Round(solver.BestObjectiveBound), bekend ?? relaxatie?.Grens ?? long.MaxValue);
            if (score.Totaal < gretigeScore.Totaal)
                return new Planuitkomst(gretig, Planmethode.Gretig, gretigeScore, grens, status.ToString(), klok.Elapsed,
                    "het gretige plan scoort beter dan wat de oplosser binnen de tijdslimiet vond; het gretige plan staat");
            var toelichting = status != CpSolverStatus.Optimal ? $"beste plan binnen de tijdslimiet van {opties.Tijdslimiet} s"
                : score.Totaal >= relaxatie?.Grens ? "bewezen optimaal: het plan haalt de grens van de lineaire relaxatie"
                : "bewezen optimaal";
            return new Planuitkomst(plan, Planmethode.Optimaal, score, grens, status.ToString(), klok.Elapsed, toelichting);
        }
    }

    private static (CpSolverStatus, CpSolver) Los(CpModel model, double tijdslimiet)
    {
        var solver = Solver(tijdslimiet);
        return (solver.Solve(model), solver);
    }

    private static List<Klasse> Klassen(Scenario scenario, IReadOnlyList<TePlaatsen> maatregelen, IReadOnlyList<Ontvanger> ontvangers,
        IReadOnlyDictionary<string, string> meegaand, int vanaf, int weken, IReadOnlySet<string>? uitgesloten)
    {
        var klassen = new Dictionary<string, Klasse>(StringComparer.Ordinal);
        foreach (var gezin in maatregelen.GroupBy(m => m.GezinId).Select(x => x.OrderBy(m => m.MaatregelId).ToList()))
        {
            var geschikt = ontvangers.Select(o => Geschiktheid.Bezwaar(o, gezin, uitgesloten) is null).ToArray();
            var volgers = ontvangers.Select(o => gezin.Count(m => m.JeugdbeschermerId is { } j && meegaand.GetValueOrDefault(j) == o.GiCode)).ToArray();
            // The first week that ends after the family's first deadline, within [vanaf, weken]: from then on it is late.
            var termijnweek = gezin.Min(m => m.EersteTermijn) is { } t
                ? Math.Clamp((int)Math.Floor((t.DayNumber - scenario.Start.DayNumber) / 7.0), vanaf, weken) : weken;
            var sleutel = $"{gezin.Count}|{string.Concat(geschikt.Select(b => b ? '1' : '0'))}|{string.Join(",", volgers)}|{termijnweek}";
            if (!klassen.TryGetValue(sleutel, out var k))
                klassen[sleutel] = k = new Klasse(sleutel, gezin.Count, [], volgers, termijnweek, geschikt);
            k.Gezinnen.Add(gezin);
        }
        // Within a class, what a family is before who it is (as the greedy planner orders): the same caseload under
        // other ids gets the same plan.
        foreach (var k in klassen.Values)
        {
            var gesorteerd = k.Gezinnen.OrderBy(Wat, StringComparer.Ordinal).ThenBy(g => g[0].GezinId).ToList();
            k.Gezinnen.Clear();
            k.Gezinnen.AddRange(gesorteerd);
        }
        return klassen.Values.OrderBy(k => k.Sleutel, StringComparer.Ordinal).ToList();
    }

    private static string Wat(IReadOnlyList<TePlaatsen> gezin) =>
        string.Join(",", gezin.Select(m => $"{m.Type}:{m.EersteTermijn:yyyyMMdd}:{string.Join("+", m.Doelgroepen.Order(StringComparer.Ordinal))}:{m.Regio}:{m.JeugdbeschermerId}")
            .Order(StringComparer.Ordinal));

    /// <summary>A plan counted per class, receiver and week, as the model counts it (the greedy plan as a warm start).</summary>
    private static int[] Aantallen(Planmodel planmodel, Plan plan)
    {
        var plaats = plan.Toewijzingen.GroupBy(t => t.GezinId).ToDictionary(x => x.Key, x => (x.First().Naar, x.First().Week));
        var index = planmodel.Ontvangers.Select((o, i) => (o.GiCode, i)).ToDictionary(x => x.GiCode, x => x.i);
        var aantallen = new Dictionary<(string, int, int), int>();
        foreach (var k in planmodel.Klassen)
            foreach (var gezin in k.Gezinnen)
                if (plaats.TryGetValue(gezin[0].GezinId, out var p) && index.TryGetValue(p.Naar, out var o))
                    aantallen[(k.Sleutel, o, p.Week)] = aantallen.GetValueOrDefault((k.Sleutel, o, p.Week)) + 1;
        return planmodel.Plaatsingen.Select(p => aantallen.GetValueOrDefault((p.K.Sleutel, p.O, p.W))).ToArray();
    }

    /// <summary>
    /// One worker: deterministic, and the fastest on these models (measured on two cores: an unseen caseload's band search
    /// 1.5 s with one worker, 8.4-8.9 s with two or three interleaved; 32,000 measures closer to the bound with one).
    /// Probing in presolve costs more than it gains here.
    /// </summary>
    private static CpSolver Solver(double tijdslimiet) => new()
    {
        StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"num_workers:1,max_deterministic_time:{Math.Max(0, tijdslimiet)},random_seed:1,cp_model_probing_level:0"),
    };

    /// <summary>From counts per class back to families: within a class the families are alike, taken in the order of their ids.</summary>
    private static Plan Uitpakken(Scenario scenario, Planmodel planmodel, int[] aantallen,
        IReadOnlyDictionary<string, string> meegaand, int[][] perWeek, int[] rechtbank, int vanaf, int weken, Voorbezetting? voor)
    {
        var ontvangers = planmodel.Ontvangers;
        var totaal = planmodel.Totaal;
        var toewijzingen = new List<Toewijzing>();
        var nietGeplaatst = new List<List<TePlaatsen>>();
        var bezet = totaal.ToArray();
        var weekBezet = perWeek.Select(w => w.ToArray()).ToArray();
        var bank = rechtbank.ToArray();
        var perKlasse = planmodel.Plaatsingen.Select((p, i) => (p.K, p.O, p.W, Aantal: aantallen[i])).Where(u => u.Aantal > 0).ToLookup(u => u.K);
        foreach (var k in planmodel.Klassen)
        {
            var volgende = 0;
            foreach (var (_, o, w, aantal) in perKlasse[k].OrderBy(u => u.O).ThenBy(u => u.W))
                for (var i = 0; i < aantal; i++)
                {
                    var gezin = k.Gezinnen[volgende++];
                    var naar = ontvangers[o].GiCode;
                    toewijzingen.AddRange(gezin.Select(m => Toewijzing.Van(m, naar, w, scenario, meegaand)));
                    bezet[o] += k.Grootte;
                    weekBezet[o][w] += k.Grootte;
                    bank[w] += k.Grootte;
                }
            nietGeplaatst.AddRange(k.Gezinnen.Skip(volgende));
        }

        // Why a family stayed: each receiver's reason as the plan stands.
        var nietPlaatsbaar = new List<NietPlaatsbaar>();
        foreach (var gezin in nietGeplaatst)
        {
            var redenen = ontvangers.Select((o, i) =>
                Geschiktheid.Bezwaar(o, gezin, voor?.Uitgesloten)
                ?? (bezet[i] + gezin.Count > o.Ruimte ? Geschiktheid.Vol(o, bezet[i], gezin.Count)
                    : Enumerable.Range(vanaf, Math.Max(0, weken - vanaf)).Any(w => weekBezet[i][w] + gezin.Count <= o.WekelijkseLimiet && bank[w] + gezin.Count <= scenario.RechtbankPerWeek)
                        ? $"{o.GiCode}: had nog plaats, maar de oplosser plaatste het gezin niet binnen de tijdslimiet"
                        : Geschiktheid.GeenWeek(o))).ToList();
            var reden = redenen.Count == 0 ? Geschiktheid.GeenOntvangers : string.Join("; ", redenen);
            nietPlaatsbaar.AddRange(gezin.Select(m => new NietPlaatsbaar(m.MaatregelId, m.GezinId, m.Type, reden)));
        }
        return new Plan(toewijzingen, nietPlaatsbaar, weken);
    }
}
