using Jbk.BuildingBlocks.Kalender;
using Jbk.Contracts;
using Jbk.Overdracht.Domain;
using Jbk.Planning;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Scenarios;

public sealed record RapportRegel(string Regel, bool Geslaagd, string Toelichting);

public sealed record RapportMaatregel(
    Guid MaatregelId, Guid GezinId, MaatregelType Type, string OudeGi, string? NieuweGi, int Week, DateTime? OmgezetOpUtc,
    bool VasteJeugdbeschermer, int? WerkdagenTotVast, bool VolgtJeugdbeschermer, IReadOnlyList<string> VerantwoordelijkNu,
    IReadOnlyList<string> Weigeringen, string? NietPlaatsbaarReden);

public sealed record Rapport(Guid ScenarioId, string VerzendendeGi, bool Afgerond, bool DeadlineGehaald,
    IReadOnlyList<RapportRegel> Regels, IReadOnlyList<RapportMaatregel> Maatregelen)
{
    public bool AlleRegelsGehaald => Regels.All(r => r.Geslaagd);
}

/// <summary>
/// The continuity report of a scenario, judged from the systems of record (<see cref="Bronnen"/>): who is responsible
/// for each measure and since when, which families stay together, when each measure got its vaste jeugdbeschermer
/// (maatregelregistratie); what the court decided and when, who owned each deadline (the handovers); the receivers'
/// register entries, certificates, contracts and load (capaciteit). The plan only says which measures the scenario
/// covers and the limits it agreed (ceilings, weekly limits, court batch, deadline); it is never the evidence.
/// <para>In the accelerated tempo a week is a phase of the plan, so the weekly limits and the court batch count per
/// planned week of the handover; in the calendar tempo per calendar week of the switch and of the court's decision.</para>
/// </summary>
public static class ScenarioRapport
{
    public const string EenVerantwoordelijkeGi = "EenVerantwoordelijkeGi";
    public const string GezinBijElkaar = Planregels.GezinBijElkaar;
    public const string BinnenCapaciteit = Planregels.BinnenCapaciteit;
    public const string RechtbankPerWeek = Planregels.RechtbankPerWeek;
    public const string AllesGeplaatst = "AllesGeplaatst";
    public const string DeadlineGehaald = Planregels.DeadlineGehaald;
    public const string VasteJeugdbeschermer = "VasteJeugdbeschermer";

    /// <summary>A measure that switched in this scenario: its record, the period the handover began, and the handover.</summary>
    private sealed record Omzetting(GeregistreerdeMaatregel M, Periode P, OverdrachtProces O)
    {
        public DateOnly Dag => DateOnly.FromDateTime(P.VanUtc);
    }

    public static Rapport Maak(ScenarioUitvoering u, IReadOnlyList<ScenarioPlaatsing> plaatsingen, Bronnen b, Werkdagen werkdagen, int toegestaneWerkdagen)
    {
        var s = u.Definitie;
        var rijen = plaatsingen.OrderBy(p => p.GezinId).ThenBy(p => p.MaatregelId).ToList();
        var register = b.Registratie.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var plan = rijen.ToDictionary(p => p.MaatregelId);
        // What the scenario covers: the planned measures, and a running measure of the sender in its regions registered since.
        var scope = rijen.Select(p => p.MaatregelId)
            .Concat(register.Values.Where(m => m.Lopend && m.VerantwoordelijkNu == s.VerzendendeGi && s.Regios.Contains(m.Regio)).Select(m => m.Id))
            .Distinct().ToList();
        var goedgekeurd = u.GoedgekeurdOpUtc ?? DateTime.MaxValue;

        var omzettingen = new Dictionary<Guid, Omzetting>();
        foreach (var id in scope)
            if (register.GetValueOrDefault(id) is { } m && m.Tijdlijn.FirstOrDefault(p => p.OverdrachtId is { } o && b.Overdrachten.ContainsKey(o)) is { } periode)
                omzettingen[id] = new Omzetting(m, periode, b.Overdrachten[periode.OverdrachtId!.Value]);
        int Week(DateOnly dag) => (int)Math.Floor((dag.DayNumber - s.Start.DayNumber) / 7.0);
        int WeekVan(Omzetting x) => Week(u.Versneld ? x.O.GeplandeOmzetting : x.Dag);

        var regels = new List<RapportRegel>();
        void Regel(string naam, IEnumerable<string> fouten, string geslaagd)
        {
            var lijst = fouten.ToList();
            regels.Add(new RapportRegel(naam, lijst.Count == 0, lijst.Count == 0 ? geslaagd : string.Join("; ", lijst.Take(10)) + (lijst.Count > 10 ? $"; en {lijst.Count - 10} meer" : "")));
        }

        var perGezin = register.Values.ToLookup(m => m.GezinId);
        ContinuiteitsregelsBijOmzetting(omzettingen.Values.ToList(), perGezin, b, Regel);

        Regel(EenVerantwoordelijkeGi, scope.SelectMany(id => TijdlijnFouten(id, register.GetValueOrDefault(id), omzettingen.GetValueOrDefault(id), b, goedgekeurd)),
            "elke maatregel heeft precies één verantwoordelijke GI, zonder gat of overlap, en wisselde alleen via een overdracht van het scenario");

        // The families the sender had when the scenario was approved, as maatregelregistratie records them.
        var inScope = scope.ToHashSet();
        var gezinnen = scope.Select(id => register.GetValueOrDefault(id)?.GezinId ?? plan[id].GezinId).ToHashSet();
        Regel(GezinBijElkaar, register.Values.Where(m => gezinnen.Contains(m.GezinId) && m.Lopend
                    && (inScope.Contains(m.Id) || (u.GoedgekeurdOpUtc is { } g && m.VerantwoordelijkOp(g) == s.VerzendendeGi)))
                .GroupBy(m => m.GezinId).Where(g => g.Select(m => m.VerantwoordelijkNu).Distinct().Count() > 1)
                .Select(g => $"gezin {g.Key} is verdeeld over {string.Join(", ", g.Select(m => m.VerantwoordelijkNu).Distinct().Order())}"),
            "elk gezin is bij één GI");

        Regel(BinnenCapaciteit, s.Ontvangers.SelectMany(o =>
            {
                var ontvangen = omzettingen.Values.Where(x => x.P.GiCode == o.GiCode).ToList();
                var fouten = Planregels.CapaciteitFouten(o, ontvangen.Count, ontvangen.GroupBy(WeekVan).Select(w => (w.Key, w.Count()))).ToList();
                if (ontvangen.Count > 0)
                {
                    if (b.Capaciteit.GetValueOrDefault(o.GiCode) is not { } stand) fouten.Add($"capaciteit kent geen cijfers van {o.GiCode}");
                    else if (stand.IsOverboekt)
                        fouten.Add($"{o.GiCode} is overboekt: belasting {stand.Belasting:0.#} + gereserveerd {stand.Gereserveerd:0.#} > capaciteit {stand.Capaciteit}");
                }
                return fouten;
            }),
            string.Join(", ", s.Ontvangers.Select(o => $"{o.GiCode} {omzettingen.Values.Count(x => x.P.GiCode == o.GiCode)}/{o.Ruimte}"))
                + ", weeklimieten gehaald, geen ontvanger overboekt");

        var naarRechter = omzettingen.Values.Select(x => x.O).DistinctBy(o => o.Id).Where(o => o.DatumBeschikking is not null).ToList();
        Regel(RechtbankPerWeek, Planregels.RechtbankFouten(s.RechtbankPerWeek, naarRechter.GroupBy(o => Week(u.Versneld ? o.GeplandeOmzetting : o.DatumBeschikking!.Value))
                .Select(w => (w.Key, w.Sum(o => o.Maatregelen.Count)))),
            $"nooit meer dan {s.RechtbankPerWeek} maatregelen per week bij de rechtbank ({naarRechter.Count} beschikkingen)");

        var achtergebleven = scope.Select(id => register.GetValueOrDefault(id)).OfType<GeregistreerdeMaatregel>()
            .Where(m => m.Lopend && m.VerantwoordelijkNu == s.VerzendendeGi).ToList();
        Regel(AllesGeplaatst, achtergebleven.Select(m => plan.GetValueOrDefault(m.Id) switch
            {
                null => $"maatregel {m.Id} is na de planning bij {s.VerzendendeGi} geregistreerd en niet overgedragen",
                { Status: PlaatsingStatus.NietPlaatsbaar } p => $"maatregel {m.Id}: {p.NietPlaatsbaarReden}",
                _ => $"maatregel {m.Id} is nog bij {s.VerzendendeGi}",
            }),
            $"geen lopende maatregel in {string.Join(", ", s.Regios)} is nog bij {s.VerzendendeGi}");

        var deadlineFouten = omzettingen.Values.Where(x => x.Dag >= s.Deadline)
            .Select(x => $"maatregel {x.M.Id} omgezet op {x.Dag:yyyy-MM-dd}, na de deadline")
            .Concat(achtergebleven.Select(m => $"maatregel {m.Id} is (nog) niet omgezet")).ToList();
        Regel(DeadlineGehaald, deadlineFouten, $"alles omgezet vóór {s.Deadline:yyyy-MM-dd}");

        int? Werkdagen(Omzetting? x) => x is null ? null
            : x.M.Toewijzingen.Where(t => t.Vast && t.GiCode == x.P.GiCode && t.Van >= x.Dag).OrderBy(t => t.Van).FirstOrDefault() is { } vast
                ? Tel(werkdagen, x.Dag, vast.Van) : null;
        Regel(VasteJeugdbeschermer, omzettingen.Values.OrderBy(x => x.M.Id).SelectMany(x => Werkdagen(x) switch
            {
                null when x.M.Lopend && x.M.VerantwoordelijkNu == x.P.GiCode => [$"maatregel {x.M.Id} heeft (nog) geen vaste jeugdbeschermer bij {x.P.GiCode}"],
                int d when d > toegestaneWerkdagen => [$"maatregel {x.M.Id}: vaste jeugdbeschermer na {d} werkdagen, meer dan {toegestaneWerkdagen}"],
                _ => Array.Empty<string>(),
            }),
            $"elke omgezette maatregel kreeg binnen {toegestaneWerkdagen} werkdagen een vaste jeugdbeschermer bij de nieuwe GI");

        var maatregelen = rijen.Select(p =>
        {
            var x = omzettingen.GetValueOrDefault(p.MaatregelId);
            var nu = register.GetValueOrDefault(p.MaatregelId)?.VerantwoordelijkNu;
            var werkdagenTotVast = Werkdagen(x);
            return new RapportMaatregel(p.MaatregelId, p.GezinId, p.Type, p.VanGi, x?.P.GiCode ?? p.Naar, p.Week, x?.P.VanUtc,
                werkdagenTotVast is not null, werkdagenTotVast, p.VolgtJeugdbeschermer, nu is null ? [] : [nu], p.Weigeringen, p.NietPlaatsbaarReden);
        }).ToList();
        var gehaald = regels.Where(r => r.Regel is DeadlineGehaald or AllesGeplaatst).All(r => r.Geslaagd);
        return new Rapport(u.Id, u.VerzendendeGi, u.Status == ScenarioStatus.Afgerond, gehaald, regels, maatregelen);
    }

    /// <summary>
    /// The seven rules each handover was checked against (on request and again at the switch), judged once more from
    /// what the records say about the switch as it happened.
    /// </summary>
    private static void ContinuiteitsregelsBijOmzetting(IReadOnlyList<Omzetting> omzettingen, ILookup<Guid, GeregistreerdeMaatregel> perGezin,
        Bronnen b, Action<string, IEnumerable<string>, string> regel)
    {
        Certificering? Certificaat(Omzetting x) => b.Certificaten.GetValueOrDefault((x.P.GiCode, x.Dag));
        var n = omzettingen.Select(x => x.O.Id).Distinct().Count();
        var gesorteerd = omzettingen.OrderBy(x => x.M.Id).ToList();

        regel(ContinuiteitsRegels.VerzenderIsVerantwoordelijk, gesorteerd
                .Select(x => (x, voor: x.M.VerantwoordelijkOp(x.P.VanUtc.AddTicks(-1))))
                .Where(y => y.voor != y.x.O.VerzendendeGi)
                .Select(y => $"maatregel {y.x.M.Id}: vlak voor de omzetting was {y.voor ?? "niemand"} verantwoordelijk, niet {y.x.O.VerzendendeGi}"),
            $"in elk van de {n} omgezette overdrachten was de verzender verantwoordelijk tot de omzetting");

        regel(ContinuiteitsRegels.OntvangerIsAndereGi, gesorteerd.Where(x => x.P.GiCode == x.O.VerzendendeGi)
                .Select(x => $"maatregel {x.M.Id} ging van {x.O.VerzendendeGi} naar zichzelf"),
            "elke maatregel ging naar een andere GI");

        regel(ContinuiteitsRegels.OntvangerGecertificeerd, gesorteerd.Select(x => (x, c: Certificaat(x)))
                .Where(y => y.c is not { MagNieuwAannemen: true })
                .Select(y => y.c is null ? $"capaciteit gaf geen certificaatstatus van {y.x.P.GiCode} op {y.x.Dag:yyyy-MM-dd}"
                    : $"maatregel {y.x.M.Id}: {y.x.P.GiCode} mocht op {y.x.Dag:yyyy-MM-dd} niet aannemen ({y.c.Reden})"),
            "elke ontvanger mocht op de dag van omzetting aannemen");

        regel(ContinuiteitsRegels.OntvangerVoertTypeUit, gesorteerd.Where(x => b.Instellingen.GetValueOrDefault(x.P.GiCode)?.MaatregelTypes.Contains(x.M.Type) != true)
                .Select(x => b.Instellingen.ContainsKey(x.P.GiCode) ? $"{x.P.GiCode} voert geen {x.M.Type} uit (maatregel {x.M.Id})" : $"{x.P.GiCode} staat niet in het register van capaciteit"),
            "elke ontvanger voert het type uit");

        regel(ContinuiteitsRegels.RegioOfDoelgroep, gesorteerd.Select(x => b.Instellingen.GetValueOrDefault(x.P.GiCode) is { } gi && Certificaat(x) is { } c
                    ? ContinuiteitsRegels.RegioOfDoelgroepFout(gi, c.Regios, x.M.Id, x.M.Regio, x.M.Doelgroepen)
                    : $"geen register of contracten van {x.P.GiCode} op {x.Dag:yyyy-MM-dd}")
                .OfType<string>(),
            "elke ontvanger had een contract in de regio of is landelijk voor de doelgroep");

        regel(ContinuiteitsRegels.GeenTermijnZonderEigenaar, gesorteerd.SelectMany(x =>
            {
                var aangevraagd = DateOnly.FromDateTime(x.O.Historie.Min(h => h.OpUtc));
                return x.M.Termijnen
                    .Where(t => t.Uiterlijk >= aangevraagd && t.Uiterlijk <= x.Dag && (t.VoldaanOp is null || t.VoldaanOp > t.Uiterlijk))
                    .Where(t => !x.O.TermijnEigenaars.Any(e => e.MaatregelId == x.M.Id && e.Soort == t.Soort))
                    .Select(t => $"termijn {t.Soort} van maatregel {x.M.Id} viel op {t.Uiterlijk:yyyy-MM-dd}, binnen de overdracht, zonder eigenaar");
            }),
            "elke termijn binnen een overdracht had een eigenaar of werd gehaald");

        regel(ContinuiteitsRegels.GezinBlijftSamen, gesorteerd.Select(x => x.O).DistinctBy(o => o.Id).Where(o => string.IsNullOrWhiteSpace(o.RedenGezinSplitsen))
                .SelectMany(o =>
                {
                    var moment = gesorteerd.First(x => x.O.Id == o.Id).P.VanUtc;
                    var mee = o.Maatregelen.Select(m => m.MaatregelId).ToHashSet();
                    // Only the handover's own families, looked up once per family rather than scanning the whole record.
                    return o.Maatregelen.Select(m => m.GezinId).Distinct().SelectMany(g => perGezin[g])
                        .Where(m => !mee.Contains(m.Id) && m.VerantwoordelijkOp(moment) == o.VerzendendeGi)
                        .Select(m => $"maatregel {m.Id} van hetzelfde gezin bleef bij {o.VerzendendeGi} toen overdracht {o.Id} omzette");
                }),
            "bij elke omzetting ging het hele gezin mee");
    }

    private static IEnumerable<string> TijdlijnFouten(Guid id, GeregistreerdeMaatregel? m, Omzetting? omzetting, Bronnen b, DateTime goedgekeurd)
    {
        if (m is null || m.Tijdlijn.Count == 0) { yield return $"maatregel {id}: geen tijdlijn in maatregelregistratie"; yield break; }
        var open = m.Tijdlijn.Count(t => t.TotUtc is null);
        if (open != (m.Lopend ? 1 : 0)) yield return $"maatregel {id}: {open} verantwoordelijke GI's nu";
        var volgorde = m.Tijdlijn.OrderBy(t => t.VanUtc).ToList();
        for (var i = 1; i < volgorde.Count; i++)
        {
            if (volgorde[i - 1].TotUtc != volgorde[i].VanUtc)
                yield return $"maatregel {id}: gat of overlap tussen {volgorde[i - 1].GiCode} en {volgorde[i].GiCode}";
            if (volgorde[i].VanUtc >= goedgekeurd && (volgorde[i].OverdrachtId is not { } o || !b.Overdrachten.ContainsKey(o)))
                yield return $"maatregel {id} ging op {volgorde[i].VanUtc:yyyy-MM-dd HH:mm} naar {volgorde[i].GiCode} buiten het scenario om";
        }
        if (omzetting is not null && omzetting.P.GiCode != omzetting.O.OntvangendeGi)
            yield return $"maatregel {id}: verantwoordelijk werd {omzetting.P.GiCode}, de overdracht ging naar {omzetting.O.OntvangendeGi}";
    }

    private static int Tel(Werkdagen werkdagen, DateOnly van, DateOnly tot)
    {
        var aantal = 0;
        for (var d = van.AddDays(1); d <= tot; d = d.AddDays(1)) if (werkdagen.IsWerkdag(d)) aantal++;
        return aantal;
    }
}
