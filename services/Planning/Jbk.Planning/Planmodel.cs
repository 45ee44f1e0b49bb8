using Google.OrTools.Sat;
using Lp = Google.OrTools.LinearSolver;
using Jbk.Contracts;

namespace Jbk.Planning;

/// <summary>Families alike for every rule and every term of the objective: the model counts them per receiver and week.</summary>
internal sealed record Klasse(string Sleutel, int Grootte, List<List<TePlaatsen>> Gezinnen, int[] Volgers, int Termijnweek, bool[] Geschikt);

/// <summary>How many families of a class go to receiver <see cref="O"/> in week <see cref="W"/>: at most <see cref="Max"/>, each earning <see cref="Punten"/>.</summary>
internal sealed record Plaatsing(Klasse K, int O, int W, int Max, long Punten);

/// <summary>Σ coefficient × count ≤ max: a class's families, a receiver's room, its weekly limit, the court's batch.</summary>
internal sealed record Beperking(int[] Index, long[] Gewicht, long Max);

/// <summary>
/// The linear relaxation's bound on any plan's points (<see cref="Grens"/>, rounded down; exact: <see cref="ExacteGrens"/>),
/// with the duals <see cref="Y"/> per row that prove it and each column's reduced cost. For any plan,
/// points = exact bound − Σ |reduced cost| × (how far a count is from the end its reduced cost favours) − Σ dual × slack
/// of its row, every term at least 0. So a plan scoring at least L keeps every count within (exact bound − L) / |reduced
/// cost| of that end and, as slacks are whole numbers, every row whose dual exceeds exact bound − L tight.
/// </summary>
internal sealed record Relaxatie(long Grens, decimal ExacteGrens, decimal[] Gereduceerd, decimal[] Y);

/// <summary>Measures at receiver <see cref="O"/> above <see cref="Drempel"/> cost <see cref="Gewicht"/> each (balance and reserve).</summary>
internal sealed record Overschot(int O, long Drempel, long Gewicht);

/// <summary>
/// The optimal planner's integer program as plain rows (counts, their bounds and points; constraints; the costs of
/// filling up), built apart from the solver that reads it.
/// </summary>
internal sealed class Planmodel
{
    public required IReadOnlyList<Ontvanger> Ontvangers { get; init; }
    public required IReadOnlyList<Klasse> Klassen { get; init; }
    public required IReadOnlyList<Plaatsing> Plaatsingen { get; init; }
    public required IReadOnlyList<Beperking> Beperkingen { get; init; }
    public required IReadOnlyList<Overschot> Overschotten { get; init; }
    /// <summary>What each receiver already holds (earlier transfers of the scenario).</summary>
    public required int[] Totaal { get; init; }
    /// <summary>Per receiver, the counts that go to it (its room, its weekly limits and its fill-up steps sum them).</summary>
    public required int[][] NaarOntvanger { get; init; }

    public static Planmodel Bouw(Scenario scenario, IReadOnlyList<Ontvanger> ontvangers, List<Klasse> klassen, PlanGewichten g,
        int[] totaal, int[][] perWeek, int[] rechtbank, int vanaf, Voorbezetting? voor)
    {
        var plaatsingen = new List<Plaatsing>();
        foreach (var k in klassen)
            for (var o = 0; o < ontvangers.Count; o++)
            {
                if (!k.Geschikt[o]) continue;
                var ontvanger = ontvangers[o];
                var ruimte = (ontvanger.Ruimte - totaal[o]) / k.Grootte;
                for (var w = vanaf; w < scenario.AantalWeken; w++)
                {
                    var max = new[] { k.Gezinnen.Count, ruimte, (ontvanger.WekelijkseLimiet - perWeek[o][w]) / k.Grootte, (scenario.RechtbankPerWeek - rechtbank[w]) / k.Grootte }.Min();
                    if (max > 0) plaatsingen.Add(new Plaatsing(k, o, w, max, Punten(k, ontvanger, o, w, g)));
                }
            }

        var index = Enumerable.Range(0, plaatsingen.Count).ToList();
        Beperking Rij(IEnumerable<int> i, Func<Plaatsing, long> gewicht, long max)
        {
            var rij = i.ToArray();
            return new Beperking(rij, rij.Select(x => gewicht(plaatsingen[x])).ToArray(), max);
        }
        var naarOntvanger = Enumerable.Range(0, ontvangers.Count).Select(o => index.Where(i => plaatsingen[i].O == o).ToArray()).ToArray();
        var beperkingen = new List<Beperking>();
        // Each family at most once; room, weekly limits and the court's batch.
        foreach (var k in index.GroupBy(i => plaatsingen[i].K))
            beperkingen.Add(Rij(k, _ => 1, k.Key.Gezinnen.Count));
        for (var o = 0; o < ontvangers.Count; o++)
        {
            var naarO = naarOntvanger[o];
            beperkingen.Add(Rij(naarO, p => p.K.Grootte, ontvangers[o].Ruimte - totaal[o]));
            foreach (var week in naarO.GroupBy(i => plaatsingen[i].W))
                beperkingen.Add(Rij(week, p => p.K.Grootte, ontvangers[o].WekelijkseLimiet - perWeek[o][week.Key]));
        }
        foreach (var week in index.GroupBy(i => plaatsingen[i].W))
            beperkingen.Add(Rij(week, p => p.K.Grootte, scenario.RechtbankPerWeek - rechtbank[week.Key]));

        // The reserve (first plan only) and the balance, as the score counts them: measures above a share of a
        // receiver's room (convex steps, so the relaxation stays tight).
        var overschotten = new List<Overschot>();
        for (var o = 0; o < ontvangers.Count; o++)
        {
            var ontvanger = ontvangers[o];
            overschotten.AddRange(Plandoel.Balansdrempels(ontvanger).Select(d => new Overschot(o, d, g.Balans)));
            if (voor is null) overschotten.Add(new Overschot(o, ontvanger.Ruimte - ontvanger.Reserve(scenario.Herplanreserve), g.UitReserve));
        }
        return new Planmodel { Ontvangers = ontvangers, Klassen = klassen, Plaatsingen = plaatsingen, Beperkingen = beperkingen, Overschotten = overschotten, Totaal = totaal, NaarOntvanger = naarOntvanger };
    }

    /// <summary>The points one family of the class earns at receiver <paramref name="o"/> in week <paramref name="w"/>.</summary>
    private static long Punten(Klasse k, Ontvanger ontvanger, int o, int w, PlanGewichten g) =>
        g.Plaatsen * k.Grootte
        + g.JeugdbeschermerVolgen * k.Volgers[o]
        + (ontvanger.Soort == GiSoort.Regionaal ? g.Regionaal * k.Grootte : 0)
        - (k.Termijnweek <= w ? g.TermijnVoorOmzetting * k.Grootte : 0)
        - g.Week * k.Grootte * w;

    /// <summary>
    /// The model for CP-SAT: the counts to decide (and each fill-up step's excess), the constraints, and the points to
    /// maximise. With the relaxation and a score to reach, only plans scoring at least <paramref name="ondergrens"/>
    /// are left in (see <see cref="Relaxatie"/>): the same optimum when a plan that good is known, in a much smaller model.
    /// </summary>
    public (CpModel Model, IntVar[] Aantallen) NaarCpSat(int[] hint, Relaxatie? relaxatie = null, long ondergrens = long.MinValue)
    {
        var (kolommen, rijen) = KolommenEnRijen();
        // Floating-point duals: a little more room than exact arithmetic gives only leaves more plans in.
        var ruimte = relaxatie is null ? decimal.MaxValue : Math.Max(0, relaxatie.ExacteGrens - ondergrens) + 1e-6m;
        var model = new CpModel();
        var x = kolommen.Select((k, j) =>
        {
            var (min, max) = relaxatie?.Gereduceerd[j] switch
            {
                // Compared as a product: a reduced cost near zero must not overflow the quotient.
                < 0 and var r when ruimte < k.Max * -r => (0L, (long)Math.Floor(ruimte / -r)),
                > 0 and var r when ruimte < k.Max * r => (k.Max - (long)Math.Floor(ruimte / r), k.Max),
                _ => (0L, k.Max),
            };
            var v = model.NewIntVar(min, max, $"x_{j}");
            if (j < hint.Length) model.AddHint(v, Math.Clamp(hint[j], min, max));
            return v;
        }).ToArray();
        for (var i = 0; i < rijen.Count; i++)
        {
            var som = LinearExpr.WeightedSum(rijen[i].Index.Select(j => x[j]), rijen[i].Gewicht);
            model.Add(relaxatie?.Y[i] > ruimte ? som == rijen[i].Max : som <= rijen[i].Max);
        }
        var doel = LinearExpr.WeightedSum(x, kolommen.Select(k => k.Punten));
        if (relaxatie is not null) model.Add(doel >= ondergrens);
        model.Maximize(doel);
        return (model, x.Take(Plaatsingen.Count).ToArray());
    }

    /// <summary>
    /// An upper bound on the points of any plan, from the linear relaxation (GLOP): its dual values are priced again in
    /// exact decimal arithmetic (any non-negative duals give a valid bound), so the bound holds whatever the
    /// floating-point solver's tolerances. None when the relaxation has no optimum.
    /// </summary>
    public Relaxatie? Relaxatiegrens()
    {
        using var lp = Lp.Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP ontbreekt in OR-Tools.");
        var (kolommen, rijen) = KolommenEnRijen();
        var x = kolommen.Select((k, j) => lp.MakeNumVar(0, k.Max, $"x_{j}")).ToArray();
        var beperkingen = rijen.Select(r =>
        {
            var c = lp.MakeConstraint(double.NegativeInfinity, r.Max);
            for (var t = 0; t < r.Index.Length; t++) c.SetCoefficient(x[r.Index[t]], r.Gewicht[t]);
            return c;
        }).ToArray();
        var doel = lp.Objective();
        for (var j = 0; j < x.Length; j++) doel.SetCoefficient(x[j], kolommen[j].Punten);
        doel.SetMaximization();
        if (lp.Solve() != Lp.Solver.ResultStatus.OPTIMAL) return null;

        // For duals y ≥ 0: max over the box of c·x ≤ y·b + Σ_j max(0, c_j − (yA)_j) × max_j. The solver's sign convention
        // aside, both signs give a valid bound; the smaller is kept.
        (decimal Grens, decimal[] Gereduceerd, decimal[] Y) Grens(int teken)
        {
            // A dual that is not a sane number counts as 0: the bound stays valid, only weaker.
            var y = beperkingen.Select(c => teken * c.DualValue() is var d && double.IsFinite(d) && d > 0 && d < 1e12 ? (decimal)d : 0m).ToArray();
            var gereduceerd = kolommen.Select(k => (decimal)k.Punten).ToArray();
            var grens = 0m;
            for (var i = 0; i < rijen.Count; i++)
            {
                if (y[i] == 0) continue;
                grens += y[i] * rijen[i].Max;
                for (var t = 0; t < rijen[i].Index.Length; t++) gereduceerd[rijen[i].Index[t]] -= y[i] * rijen[i].Gewicht[t];
            }
            for (var j = 0; j < kolommen.Count; j++) grens += Math.Max(0, gereduceerd[j]) * kolommen[j].Max;
            return (grens, gereduceerd, y);
        }
        var (plus, min) = (Grens(1), Grens(-1));
        var beste = plus.Grens <= min.Grens ? plus : min;
        return new Relaxatie((long)Math.Floor(beste.Grens), beste.Grens, beste.Gereduceerd, beste.Y);
    }

    private (List<(long Punten, long Max)> Kolommen, List<(int[] Index, long[] Gewicht, long Max)> Rijen)? _kolommenEnRijen;

    /// <summary>Columns: the counts, then one excess per fill-up step; rows: the constraints, then
    /// Σ size × count − excess ≤ step − held. Built once: the relaxation and every band read the same rows.</summary>
    private (List<(long Punten, long Max)> Kolommen, List<(int[] Index, long[] Gewicht, long Max)> Rijen) KolommenEnRijen() =>
        _kolommenEnRijen ??= BouwKolommenEnRijen();

    private (List<(long Punten, long Max)> Kolommen, List<(int[] Index, long[] Gewicht, long Max)> Rijen) BouwKolommenEnRijen()
    {
        var kolommen = Plaatsingen.Select(p => (Punten: p.Punten, Max: (long)p.Max))
            .Concat(Overschotten.Select(s => (Punten: -s.Gewicht, Max: (long)Math.Max(0, Ontvangers[s.O].Ruimte)))).ToList();
        var rijen = Beperkingen.Select(b => (b.Index, b.Gewicht, b.Max)).ToList();
        foreach (var (s, i) in Overschotten.Select((s, i) => (s, i)))
        {
            var naarO = NaarOntvanger[s.O];
            rijen.Add(([.. naarO, Plaatsingen.Count + i], [.. naarO.Select(j => (long)Plaatsingen[j].K.Grootte), -1L], s.Drempel - Totaal[s.O]));
        }
        return (kolommen, rijen);
    }
}
