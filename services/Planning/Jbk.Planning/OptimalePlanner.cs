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
/// in a model small enough for a national caseload. The greedy plan is the solver's warm start, and stands when the
/// solver finds nothing better within its limit. Deterministic: the same input and settings give the same plan.
/// </summary>
public static class OptimalePlanner
{
    private sealed record Klasse(string Sleutel, int Grootte, List<List<TePlaatsen>> Gezinnen, int[] Volgers, int Termijnweek, bool[] Geschikt);

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

        var model = new CpModel();
        var variabelen = new List<(Klasse K, int O, int W, IntVar N)>();
        var doel = LinearExpr.NewBuilder();
        foreach (var k in klassen)
            for (var o = 0; o < ontvangers.Count; o++)
            {
                if (!k.Geschikt[o]) continue;
                var ontvanger = ontvangers[o];
                var ruimte = (ontvanger.Ruimte - totaal[o]) / k.Grootte;
                for (var w = vanaf; w < weken; w++)
                {
                    var max = new[] { k.Gezinnen.Count, ruimte, (ontvanger.WekelijkseLimiet - perWeek[o][w]) / k.Grootte, (scenario.RechtbankPerWeek - rechtbank[w]) / k.Grootte }.Min();
                    if (max <= 0) continue;
                    var n = model.NewIntVar(0, max, $"n_{variabelen.Count}");
                    variabelen.Add((k, o, w, n));
                    doel.AddTerm(n, Punten(k, ontvanger, o, w, g));
                }
            }

        // Each family at most once; room, weekly limits and the court's batch.
        foreach (var k in variabelen.GroupBy(v => v.K))
            model.Add(LinearExpr.Sum(k.Select(v => v.N)) <= k.Key.Gezinnen.Count);
        var bezet = new LinearExpr[ontvangers.Count];
        for (var o = 0; o < ontvangers.Count; o++)
        {
            var naarO = variabelen.Where(v => v.O == o).ToList();
            bezet[o] = LinearExpr.WeightedSum(naarO.Select(v => v.N), naarO.Select(v => (long)v.K.Grootte));
            model.Add(bezet[o] <= ontvangers[o].Ruimte - totaal[o]);
            foreach (var week in naarO.GroupBy(v => v.W))
                model.Add(LinearExpr.WeightedSum(week.Select(v => v.N), week.Select(v => (long)v.K.Grootte)) <= ontvangers[o].WekelijkseLimiet - perWeek[o][week.Key]);
        }
        foreach (var week in variabelen.GroupBy(v => v.W))
            model.Add(LinearExpr.WeightedSum(week.Select(v => v.N), week.Select(v => (long)v.K.Grootte)) <= scenario.RechtbankPerWeek - rechtbank[week.Key]);

        // The reserve (first plan only) and the balance, as the score counts them: measures above a share of a
        // receiver's room (convex steps, so the solver's relaxation stays tight).
        var overschotten = new List<(int Drempel, IntVar E)>();
        for (var o = 0; o < ontvangers.Count; o++)
        {
            var ontvanger = ontvangers[o];
            var drempels = Plandoel.Balansdrempels(ontvanger).Select(d => (d, g.Balans)).ToList();
            if (voor is null) drempels.Add((ontvanger.Ruimte - ontvanger.Reserve(scenario.Herplanreserve), g.UitReserve));
            foreach (var (drempel, gewicht) in drempels)
            {
                var e = model.NewIntVar(0, Math.Max(0, ontvanger.Ruimte), $"boven_{ontvanger.GiCode}_{drempel}");
                model.Add(e >= bezet[o] + totaal[o] - drempel);
                overschotten.Add((drempel, e));
                doel.AddTerm(e, -gewicht);
            }
        }
        model.Maximize(doel);

        Warmstart(model, variabelen, gretig, klassen, ontvangers);

        // Interleaved search keeps several workers deterministic; probing in presolve costs more than it gains on
        // this model (measured: 388 measures proven optimal in 1.3 s instead of 2.8 s).
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:{Math.Max(1, opties.Werkers)},interleave_search:{(opties.Werkers > 1 ? "true" : "false")},max_deterministic_time:{opties.Tijdslimiet},random_seed:1,cp_model_probing_level:0"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return new Planuitkomst(gretig, Planmethode.Gretig, gretigeScore, null, status.ToString(), klok.Elapsed,
                $"de oplosser vond binnen {opties.Tijdslimiet} s geen plan ({status}); het gretige plan staat");

        var grens = (long)Math.Round(solver.BestObjectiveBound);
        var plan = Uitpakken(scenario, ontvangers, klassen, variabelen.Select(v => (v.K, v.O, v.W, (int)solver.Value(v.N))).ToList(), meegaand, totaal, perWeek, rechtbank, vanaf, weken, voor);
        var score = Plandoel.Score(scenario, plan, g, voor);
        if (score.Totaal < gretigeScore.Totaal)
            return new Planuitkomst(gretig, Planmethode.Gretig, gretigeScore, grens, status.ToString(), klok.Elapsed,
                "het gretige plan scoort beter dan wat de oplosser binnen de tijdslimiet vond; het gretige plan staat");
        var toelichting = status == CpSolverStatus.Optimal ? "bewezen optimaal" : $"beste plan binnen de tijdslimiet van {opties.Tijdslimiet} s";
        return new Planuitkomst(plan, Planmethode.Optimaal, score, grens, status.ToString(), klok.Elapsed, toelichting);
    }

    /// <summary>The points one family of the class earns at receiver <paramref name="o"/> in week <paramref name="w"/>.</summary>
    private static long Punten(Klasse k, Ontvanger ontvanger, int o, int w, PlanGewichten g) =>
        g.Plaatsen * k.Grootte
        + g.JeugdbeschermerVolgen * k.Volgers[o]
        + (ontvanger.Soort == GiSoort.Regionaal ? g.Regionaal * k.Grootte : 0)
        - (k.Termijnweek <= w ? g.TermijnVoorOmzetting * k.Grootte : 0)
        - g.Week * k.Grootte * w;

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

    /// <summary>The greedy plan as the solver's first solution, counted per class, receiver and week.</summary>
    private static void Warmstart(CpModel model, List<(Klasse K, int O, int W, IntVar N)> variabelen, Plan gretig, List<Klasse> klassen, IReadOnlyList<Ontvanger> ontvangers)
    {
        var plaats = gretig.Toewijzingen.GroupBy(t => t.GezinId).ToDictionary(x => x.Key, x => (x.First().Naar, x.First().Week));
        var index = ontvangers.Select((o, i) => (o.GiCode, i)).ToDictionary(x => x.GiCode, x => x.i);
        var aantallen = new Dictionary<(string, int, int), int>();
        foreach (var k in klassen)
            foreach (var gezin in k.Gezinnen)
                if (plaats.TryGetValue(gezin[0].GezinId, out var p) && index.TryGetValue(p.Naar, out var o))
                    aantallen[(k.Sleutel, o, p.Week)] = aantallen.GetValueOrDefault((k.Sleutel, o, p.Week)) + 1;
        foreach (var v in variabelen) model.AddHint(v.N, aantallen.GetValueOrDefault((v.K.Sleutel, v.O, v.W)));
    }

    /// <summary>From counts per class back to families: within a class the families are alike, taken in the order of their ids.</summary>
    private static Plan Uitpakken(Scenario scenario, IReadOnlyList<Ontvanger> ontvangers, List<Klasse> klassen, List<(Klasse K, int O, int W, int Aantal)> uitkomst,
        IReadOnlyDictionary<string, string> meegaand, int[] totaal, int[][] perWeek, int[] rechtbank, int vanaf, int weken, Voorbezetting? voor)
    {
        var toewijzingen = new List<Toewijzing>();
        var nietGeplaatst = new List<List<TePlaatsen>>();
        var bezet = totaal.ToArray();
        var weekBezet = perWeek.Select(w => w.ToArray()).ToArray();
        var bank = rechtbank.ToArray();
        var perKlasse = uitkomst.Where(u => u.Aantal > 0).ToLookup(u => u.K);
        foreach (var k in klassen)
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
