namespace Jbk.Planning;

public sealed record Regeluitslag(string Regel, IReadOnlyList<string> Fouten)
{
    public bool Geslaagd => Fouten.Count == 0;
}

/// <summary>
/// The hard rules a plan must keep, checked on the plan itself: whatever made it (greedy, solver, a person), this is
/// the judge. The counting rules (room, weekly limits, the court's batch) are the ones the continuity report applies
/// to what really happened; they live here once and the report calls them.
/// </summary>
public static class Planregels
{
    public const string BinnenCapaciteit = "BinnenCapaciteit";
    public const string RechtbankPerWeek = "RechtbankPerWeek";
    public const string GezinBijElkaar = "GezinBijElkaar";
    public const string DeadlineGehaald = "DeadlineGehaald";
    public const string OntvangerMagGezinNemen = "OntvangerMagGezinNemen";
    public const string ElkeMaatregelEenmaal = "ElkeMaatregelEenmaal";

    /// <summary>A receiver's total against its room and its weekly counts against its weekly limit.</summary>
    public static IEnumerable<string> CapaciteitFouten(Ontvanger o, int ontvangen, IEnumerable<(int Week, int Aantal)> perWeek)
    {
        if (ontvangen > o.Ruimte) yield return $"{o.GiCode} ontving {ontvangen}, meer dan vrij {o.VrijeCapaciteit}{(o.Plafond is { } p ? $" / plafond {p}" : "")}";
        foreach (var (week, aantal) in perWeek.Where(w => w.Aantal > o.WekelijkseLimiet).OrderBy(w => w.Week))
            yield return $"{o.GiCode} ontving in week {week} {aantal}, meer dan {o.WekelijkseLimiet}";
    }

    /// <summary>The court's weekly batch.</summary>
    public static IEnumerable<string> RechtbankFouten(int perWeekMaximaal, IEnumerable<(int Week, int Aantal)> perWeek) =>
        perWeek.Where(w => w.Aantal > perWeekMaximaal).OrderBy(w => w.Week)
            .Select(w => $"week {w.Week}: de rechter besliste over {w.Aantal} maatregelen, meer dan {perWeekMaximaal}");

    /// <summary>Every hard rule on a plan for <paramref name="maatregelen"/>, around what <paramref name="voor"/> already holds.</summary>
    public static IReadOnlyList<Regeluitslag> Toets(Scenario scenario, IReadOnlyList<TePlaatsen> maatregelen, Plan plan, Voorbezetting? voor = null)
    {
        var t = plan.Toewijzingen;
        var perMaatregel = maatregelen.ToDictionary(m => m.MaatregelId);
        var plaats = t.GroupBy(x => x.MaatregelId).ToDictionary(x => x.Key, x => x.First());
        var nietPlaatsbaar = plan.NietPlaatsbaar.Select(n => n.MaatregelId).ToHashSet();
        var perGezin = maatregelen.ToLookup(m => m.GezinId);
        var uitslagen = new List<Regeluitslag>();

        uitslagen.Add(new(ElkeMaatregelEenmaal, t.GroupBy(x => x.MaatregelId).Where(x => x.Count() > 1).Select(x => $"maatregel {x.Key} is {x.Count()} keer ingepland")
            .Concat(t.Where(x => !perMaatregel.ContainsKey(x.MaatregelId)).Select(x => $"maatregel {x.MaatregelId} hoort niet bij het scenario"))
            .Concat(plan.NietPlaatsbaar.Where(n => plaats.ContainsKey(n.MaatregelId)).Select(n => $"maatregel {n.MaatregelId} is ingepland én niet plaatsbaar"))
            .Concat(maatregelen.Where(m => !plaats.ContainsKey(m.MaatregelId) && !nietPlaatsbaar.Contains(m.MaatregelId))
                .Select(m => $"maatregel {m.MaatregelId} is ingepland noch niet plaatsbaar"))
            .ToList()));

        uitslagen.Add(new(GezinBijElkaar, maatregelen.GroupBy(m => m.GezinId).SelectMany(gezin =>
        {
            var plaatsen = gezin.Select(m => plaats.GetValueOrDefault(m.MaatregelId)).ToList();
            return plaatsen.Select(p => p is null ? "-" : $"{p.Naar} week {p.Week}").Distinct().Count() > 1
                ? [$"gezin {gezin.Key} is verdeeld: {string.Join(", ", plaatsen.Select(p => p is null ? "niet geplaatst" : $"{p.Naar} week {p.Week}").Distinct().Order())}"]
                : Array.Empty<string>();
        }).ToList()));

        uitslagen.Add(new(BinnenCapaciteit, scenario.Ontvangers.SelectMany(o =>
        {
            var naarO = t.Where(x => x.Naar == o.GiCode).ToList();
            var perWeek = naarO.CountBy(x => x.Week).ToDictionary();
            var voorTotaal = voor?.Totaal.GetValueOrDefault(o.GiCode) ?? 0;
            var voorWeek = voor?.PerWeek.GetValueOrDefault(o.GiCode);
            var weken = naarO.Select(x => x.Week).Concat(Enumerable.Range(0, voorWeek?.Length ?? 0)).Distinct()
                .Select(w => (w, perWeek.GetValueOrDefault(w) + (voorWeek is { } v && w < v.Length ? v[w] : 0)));
            return CapaciteitFouten(o, voorTotaal + naarO.Count, weken);
        }).Concat(t.Where(x => scenario.Ontvangers.All(o => o.GiCode != x.Naar)).Select(x => $"maatregel {x.MaatregelId} gaat naar {x.Naar}, geen ontvanger van het scenario"))
        .ToList()));

        var rechtbank = t.CountBy(x => x.Week).ToDictionary();
        uitslagen.Add(new(RechtbankPerWeek, RechtbankFouten(scenario.RechtbankPerWeek,
            t.Select(x => x.Week).Concat(Enumerable.Range(0, voor?.Rechtbank.Length ?? 0)).Distinct()
                .Select(w => (w, rechtbank.GetValueOrDefault(w) + (voor is { } v && w < v.Rechtbank.Length ? v.Rechtbank[w] : 0)))).ToList()));

        uitslagen.Add(new(DeadlineGehaald, t.Where(x => x.Week < (voor?.VanafWeek ?? 0) || x.Week >= plan.AantalWeken)
            .Select(x => $"maatregel {x.MaatregelId} in week {x.Week}, buiten weken {voor?.VanafWeek ?? 0} tot {plan.AantalWeken} (deadline {scenario.Deadline:yyyy-MM-dd})").ToList()));

        uitslagen.Add(new(OntvangerMagGezinNemen, t.GroupBy(x => (x.GezinId, x.Naar)).SelectMany(x =>
        {
            var o = scenario.Ontvangers.FirstOrDefault(o => o.GiCode == x.Key.Naar);
            var gezin = perGezin[x.Key.GezinId].ToList();
            return o is not null && Geschiktheid.Bezwaar(o, gezin, voor?.Uitgesloten) is { } bezwaar ? [$"gezin {x.Key.GezinId} naar {bezwaar}"] : Array.Empty<string>();
        }).ToList()));
        return uitslagen;
    }
}
