using Jbk.Contracts;

namespace Jbk.Planning;

/// <summary>
/// The greedy planner: fast, with no measure of how good its plan is; the optimal planner's warm start and fallback.
/// Assigns every running measure, family by family, to a receiver and a week. Hard rules: doelgroep, type and
/// certificate; no receiver above its free capacity, cap or weekly limit; the court's weekly batch; families stay
/// together; a family follows its case worker where that worker moves, whenever that GI can take it without leaving a
/// family that only a regional GI may take unplaced (room at that GI is kept for them before families a national GI
/// could take). Preferences, in order (as the optimal planner's objective weighs them): follow the case worker, a week
/// before the family's first deadline, regional over national, earlier week, more room left. Families with a deadline
/// in the window go first; one that can no longer go before its deadline waits until the others have their weeks, and
/// is flagged. The first plan keeps a re-planning reserve free at each receiver and
/// dips into it only for a family that would otherwise stay unplaced. Deterministic: the same input gives the same plan.
/// </summary>
public static class GretigePlanner
{
    public static Plan Maak(Scenario scenario, IReadOnlyList<TePlaatsen> maatregelen, Voorbezetting? voor = null)
    {
        var weken = scenario.AantalWeken;
        var ontvangers = scenario.Ontvangers.OrderBy(o => o.GiCode, StringComparer.Ordinal).ToList();
        var totaal = ontvangers.ToDictionary(o => o.GiCode, o => voor?.Totaal.GetValueOrDefault(o.GiCode) ?? 0);
        var perWeek = ontvangers.ToDictionary(o => o.GiCode, o => voor?.PerWeek.GetValueOrDefault(o.GiCode)?.ToArray() ?? new int[weken]);
        var rechtbank = voor?.Rechtbank.ToArray() ?? new int[weken];
        var vanafWeek = voor?.VanafWeek ?? 0;
        // The first plan leaves each receiver's reserve free, so a refused family can be planned again later; it takes
        // from the reserve only for a family that would otherwise stay unplaced now.
        int Ruimte(Ontvanger o) => voor is null ? o.Ruimte - o.Reserve(scenario.Herplanreserve) : o.Ruimte;
        var meegaand = scenario.MeegaandeMedewerkers.ToDictionary(m => m.JeugdbeschermerId, m => m.NaarGi);
        var toewijzingen = new List<Toewijzing>();
        var nietPlaatsbaar = new List<NietPlaatsbaar>();

        var gezinnen = maatregelen.GroupBy(m => m.GezinId)
            .Select(g => g.OrderBy(m => m.MaatregelId).ToList())
            .OrderBy(g => g.Min(m => m.EersteTermijn) ?? DateOnly.MaxValue)
            .ThenByDescending(g => g.Count)
            // What the family is before who it is: the same caseload under other ids gets the same plan.
            .ThenBy(g => string.Join(",", g.Select(m => m.Type).Order()), StringComparer.Ordinal)
            .ThenBy(g => string.Join(",", g.SelectMany(m => m.Doelgroepen).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .ThenBy(g => g.Select(m => m.JeugdbeschermerId).FirstOrDefault(j => j is not null) ?? "", StringComparer.Ordinal)
            .ThenBy(g => g[0].GezinId)
            .ToList();

        // Room at regional GIs is kept, first for the families only they may take, then for the families whose worker
        // moves to one: a family a national GI can take goes regional only while that leaves enough regional room for
        // those before it in this order.
        bool KanLandelijk(IReadOnlyList<TePlaatsen> g) =>
            ontvangers.Any(o => o.Soort == GiSoort.Landelijk && o.Gecertificeerd
                && RegioOfDoelgroep.Past(o.Soort, o.Doelgroepen, o.Regios, g[0].Regio, g.SelectMany(m => m.Doelgroepen)));
        string? Volgt(IReadOnlyList<TePlaatsen> g) =>
            g.Select(m => m.JeugdbeschermerId).Where(j => j is not null && meegaand.ContainsKey(j)).Select(j => meegaand[j!]).FirstOrDefault();
        var regionaleGis = ontvangers.Where(o => o.Soort == GiSoort.Regionaal).Select(o => o.GiCode).ToHashSet();
        bool VolgtRegionaal(IReadOnlyList<TePlaatsen> g) => KanLandelijk(g) && Volgt(g) is { } gi && regionaleGis.Contains(gi);
        var alleenRegionaal = gezinnen.Where(g => !KanLandelijk(g)).Sum(g => g.Count);
        var volgersRegionaal = gezinnen.Where(VolgtRegionaal).Sum(g => g.Count);
        // Per regional GI, the room the families of workers moving there will still take.
        var nogTeVolgen = ontvangers.ToDictionary(o => o.GiCode, o => gezinnen.Where(g => Volgt(g) == o.GiCode).Sum(g => g.Count));

        // A family that can no longer go before its first deadline waits until every family that still can has its
        // week: late is late, and the week it would take could keep another family on time (Moore and Hodgson's rule).
        var laat = new List<List<TePlaatsen>>();
        foreach (var gezin in gezinnen) Plaats(gezin, uitstellen: true);
        foreach (var gezin in laat) Plaats(gezin, uitstellen: false);
        return new Plan(toewijzingen, nietPlaatsbaar, weken);

        void Plaats(List<TePlaatsen> gezin, bool uitstellen)
        {
            var grootte = gezin.Count;
            var landelijkMogelijk = KanLandelijk(gezin);
            var volgtRegionaal = VolgtRegionaal(gezin);
            if (!landelijkMogelijk) alleenRegionaal -= grootte;
            if (volgtRegionaal) volgersRegionaal -= grootte;
            var volgt = Volgt(gezin);
            if (volgt is not null) nogTeVolgen[volgt] -= grootte;
            var regionaleRuimte = ontvangers.Where(o => o.Soort == GiSoort.Regionaal).Sum(o => Ruimte(o) - totaal[o.GiCode]);
            var regionaalToegestaan = !landelijkMogelijk
                || regionaleRuimte - alleenRegionaal - (volgtRegionaal ? 0 : volgersRegionaal) >= grootte;
            var redenen = new List<string>();

            var kandidaten = new List<(Ontvanger O, int Week, bool UitReserve)>();
            foreach (var o in ontvangers)
            {
                if (Geschiktheid.Bezwaar(o, gezin, voor?.Uitgesloten) is { } bezwaar) { redenen.Add(bezwaar); continue; }
                if (totaal[o.GiCode] + grootte > o.Ruimte) { redenen.Add(Geschiktheid.Vol(o, totaal[o.GiCode], grootte)); continue; }
                var week = Enumerable.Range(vanafWeek, Math.Max(0, weken - vanafWeek)).FirstOrDefault(w => perWeek[o.GiCode][w] + grootte <= o.WekelijkseLimiet && rechtbank[w] + grootte <= scenario.RechtbankPerWeek, -1);
                if (week < 0) { redenen.Add(Geschiktheid.GeenWeek(o)); continue; }
                // Room still owed to families following their worker here counts as taken for everyone else, unless
                // nothing else is left (then it is like the reserve: used rather than leaving a family unplaced).
                var voorVolgers = o.GiCode != volgt && totaal[o.GiCode] + nogTeVolgen[o.GiCode] + grootte > Ruimte(o);
                kandidaten.Add((o, week, totaal[o.GiCode] + grootte > Ruimte(o) || voorVolgers));
            }
            if (kandidaten.Any(k => !k.UitReserve)) kandidaten.RemoveAll(k => k.UitReserve);

            if (kandidaten.Count == 0)
            {
                var reden = redenen.Count == 0 ? Geschiktheid.GeenOntvangers : string.Join("; ", redenen);
                nietPlaatsbaar.AddRange(gezin.Select(m => new NietPlaatsbaar(m.MaatregelId, m.GezinId, m.Type, reden)));
                return;
            }
            var toegestaan = regionaalToegestaan || kandidaten.All(k => k.O.Soort == GiSoort.Regionaal)
                ? kandidaten : kandidaten.Where(k => k.O.Soort == GiSoort.Landelijk).ToList();
            var termijn = gezin.Min(m => m.EersteTermijn);
            bool Laat(int week) => scenario.Laat(termijn, week);
            if (uitstellen && termijn is not null && !Laat(vanafWeek) && toegestaan.All(k => Laat(k.Week)))
            {
                if (!landelijkMogelijk) alleenRegionaal += grootte;
                if (volgtRegionaal) volgersRegionaal += grootte;
                if (volgt is not null) nogTeVolgen[volgt] += grootte;
                laat.Add(gezin);
                return;
            }
            var (gekozen, gekozenWeek, _) = toegestaan
                .OrderBy(k => k.O.GiCode == volgt ? 0 : 1)
                .ThenBy(k => Laat(k.Week) ? 1 : 0)
                .ThenBy(k => k.O.Soort == GiSoort.Regionaal ? 0 : 1)
                .ThenBy(k => k.Week)
                .ThenByDescending(k => Ruimte(k.O) - totaal[k.O.GiCode])
                .ThenBy(k => k.O.GiCode, StringComparer.Ordinal)
                .First();
            totaal[gekozen.GiCode] += grootte;
            perWeek[gekozen.GiCode][gekozenWeek] += grootte;
            rechtbank[gekozenWeek] += grootte;
            toewijzingen.AddRange(gezin.Select(m => Toewijzing.Van(m, gekozen.GiCode, gekozenWeek, scenario, meegaand)));
        }
    }
}
