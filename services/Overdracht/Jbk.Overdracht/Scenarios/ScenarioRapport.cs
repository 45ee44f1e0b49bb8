using Jbk.BuildingBlocks.Kalender;
using Jbk.Contracts;
using Jbk.Overdracht.Domain;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Scenarios;

/// <summary>A period in which one GI was responsible for a measure, as maatregelregistratie records it.</summary>
public sealed record Periode(string GiCode, DateTime VanUtc, DateTime? TotUtc);

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
/// The continuity report of a scenario: every measure with its old and new GI, its switch and its vaste
/// jeugdbeschermer, and every rule with its result. The continuity rules of the single handovers are judged over the
/// handovers that switched; the scenario's own rules over the timelines in maatregelregistratie and the plan.
/// </summary>
public static class ScenarioRapport
{
    public const string EenVerantwoordelijkeGi = "EenVerantwoordelijkeGi";
    public const string GezinBijElkaar = "GezinBijElkaar";
    public const string BinnenCapaciteit = "BinnenCapaciteit";
    public const string RechtbankPerWeek = "RechtbankPerWeek";
    public const string AllesGeplaatst = "AllesGeplaatst";
    public const string DeadlineGehaald = "DeadlineGehaald";
    public const string VasteJeugdbeschermer = "VasteJeugdbeschermer";

    public static Rapport Maak(ScenarioUitvoering u, IReadOnlyList<ScenarioPlaatsing> plaatsingen, IReadOnlyDictionary<Guid, OverdrachtProces> overdrachten,
        IReadOnlyDictionary<Guid, IReadOnlyList<Periode>> tijdlijnen, Werkdagen werkdagen, int toegestaneWerkdagen)
    {
        var s = u.Definitie;
        var rijen = plaatsingen.OrderBy(p => p.GezinId).ThenBy(p => p.MaatregelId).ToList();
        var regels = new List<RapportRegel>();
        void Regel(string naam, IEnumerable<string> fouten, string geslaagd)
        {
            var lijst = fouten.ToList();
            regels.Add(new RapportRegel(naam, lijst.Count == 0, lijst.Count == 0 ? geslaagd : string.Join("; ", lijst.Take(10)) + (lijst.Count > 10 ? $"; en {lijst.Count - 10} meer" : "")));
        }

        var omgezet = rijen.Where(p => p.OverdrachtId is { } id && overdrachten.ContainsKey(id) && p.IsOmgezet)
            .Select(p => overdrachten[p.OverdrachtId!.Value]).DistinctBy(o => o.Id).ToList();
        foreach (var naam in ContinuiteitsRegels.Alle)
        {
            var uitkomsten = omgezet.Select(o => (o, u: o.Controles.FirstOrDefault(c => c.Regel == naam))).ToList();
            Regel(naam, uitkomsten.Where(x => x.u is null || !x.u.Geslaagd).Select(x => $"overdracht {x.o.Id}: {x.u?.Toelichting ?? "niet gecontroleerd"}"),
                $"gehaald in elk van de {omgezet.Count} omgezette overdrachten");
        }

        IReadOnlyList<string> Nu(Guid id) => tijdlijnen.GetValueOrDefault(id)?.Where(p => p.TotUtc is null).Select(p => p.GiCode).ToList() ?? [];
        Regel(EenVerantwoordelijkeGi, rijen.Where(p => p.Status != PlaatsingStatus.NietPlaatsbaar).SelectMany(p => TijdlijnFouten(p, tijdlijnen.GetValueOrDefault(p.MaatregelId))),
            "elke maatregel heeft precies één verantwoordelijke GI, de geplande, zonder gat of overlap in de tijdlijn");

        Regel(GezinBijElkaar, rijen.Where(p => p.Naar is not null).GroupBy(p => p.GezinId).Where(g => g.Select(p => p.Naar).Distinct().Count() > 1)
                .Select(g => $"gezin {g.Key} is verdeeld over {string.Join(", ", g.Select(p => p.Naar).Distinct())}"),
            "elk gezin ging naar één GI");

        var geplaatst = rijen.Where(p => p.Naar is not null).ToList();
        Regel(BinnenCapaciteit, s.Ontvangers.SelectMany(o =>
            {
                var fouten = new List<string>();
                var aantal = geplaatst.Count(p => p.Naar == o.GiCode);
                if (aantal > o.Ruimte) fouten.Add($"{o.GiCode} ontving {aantal}, meer dan vrij {o.VrijeCapaciteit} / plafond {o.Plafond}");
                fouten.AddRange(geplaatst.Where(p => p.Naar == o.GiCode).GroupBy(p => p.Week).Where(w => w.Count() > o.WekelijkseLimiet)
                    .Select(w => $"{o.GiCode} ontving in week {w.Key} {w.Count()}, meer dan {o.WekelijkseLimiet}"));
                return fouten;
            }),
            string.Join(", ", s.Ontvangers.Select(o => $"{o.GiCode} {geplaatst.Count(p => p.Naar == o.GiCode)}/{o.Ruimte}")) + ", weeklimieten gehaald");

        Regel(RechtbankPerWeek, geplaatst.GroupBy(p => p.Week).Where(w => w.Count() > s.RechtbankPerWeek).Select(w => $"week {w.Key}: {w.Count()} > {s.RechtbankPerWeek}"),
            $"nooit meer dan {s.RechtbankPerWeek} omzettingen per week bij de rechtbank");

        Regel(AllesGeplaatst, rijen.Where(p => p.Status == PlaatsingStatus.NietPlaatsbaar).Select(p => $"maatregel {p.MaatregelId}: {p.NietPlaatsbaarReden}"),
            "elke maatregel kreeg een ontvanger");

        var deadlineFouten = rijen.Where(p => p.Status != PlaatsingStatus.NietPlaatsbaar)
            .Where(p => p.OmgezetOpUtc is not { } op || DateOnly.FromDateTime(op) >= s.Deadline)
            .Select(p => p.OmgezetOpUtc is { } op ? $"maatregel {p.MaatregelId} omgezet op {op:yyyy-MM-dd}, na de deadline" : $"maatregel {p.MaatregelId} is (nog) niet omgezet")
            .ToList();
        Regel(DeadlineGehaald, deadlineFouten, $"alles omgezet vóór {s.Deadline:yyyy-MM-dd}");

        int? Werkdagen(ScenarioPlaatsing p) => p.OmgezetOpUtc is { } van && p.VastOpUtc is { } tot ? Tel(werkdagen, DateOnly.FromDateTime(van), DateOnly.FromDateTime(tot)) : null;
        Regel(VasteJeugdbeschermer, rijen.Where(p => p.IsOmgezet).SelectMany(p => Werkdagen(p) switch
            {
                null => [$"maatregel {p.MaatregelId} heeft (nog) geen vaste jeugdbeschermer bij {p.Naar}"],
                int d when d > toegestaneWerkdagen => [$"maatregel {p.MaatregelId}: vaste jeugdbeschermer na {d} werkdagen, meer dan {toegestaneWerkdagen}"],
                _ => Array.Empty<string>(),
            }),
            $"elke omgezette maatregel kreeg binnen {toegestaneWerkdagen} werkdagen een vaste jeugdbeschermer bij de nieuwe GI");

        var maatregelen = rijen.Select(p => new RapportMaatregel(p.MaatregelId, p.GezinId, p.Type, p.VanGi, p.Naar, p.Week, p.OmgezetOpUtc,
            p.VastOpUtc is not null, Werkdagen(p), p.VolgtJeugdbeschermer, Nu(p.MaatregelId), p.Weigeringen, p.NietPlaatsbaarReden)).ToList();
        return new Rapport(u.Id, u.VerzendendeGi, u.Status == ScenarioStatus.Afgerond, deadlineFouten.Count == 0 && rijen.All(p => p.Status != PlaatsingStatus.NietPlaatsbaar),
            regels, maatregelen);
    }

    private static IEnumerable<string> TijdlijnFouten(ScenarioPlaatsing p, IReadOnlyList<Periode>? tijdlijn)
    {
        if (tijdlijn is null || tijdlijn.Count == 0) { yield return $"maatregel {p.MaatregelId}: geen tijdlijn in maatregelregistratie"; yield break; }
        var open = tijdlijn.Where(t => t.TotUtc is null).ToList();
        if (open.Count != 1) yield return $"maatregel {p.MaatregelId}: {open.Count} verantwoordelijke GI's nu";
        else if (p.IsOmgezet && open[0].GiCode != p.Naar) yield return $"maatregel {p.MaatregelId}: verantwoordelijk is {open[0].GiCode}, gepland was {p.Naar}";
        var volgorde = tijdlijn.OrderBy(t => t.VanUtc).ToList();
        for (var i = 1; i < volgorde.Count; i++)
            if (volgorde[i - 1].TotUtc != volgorde[i].VanUtc)
                yield return $"maatregel {p.MaatregelId}: gat of overlap tussen {volgorde[i - 1].GiCode} en {volgorde[i].GiCode}";
    }

    private static int Tel(Werkdagen werkdagen, DateOnly van, DateOnly tot)
    {
        var aantal = 0;
        for (var d = van.AddDays(1); d <= tot; d = d.AddDays(1)) if (werkdagen.IsWerkdag(d)) aantal++;
        return aantal;
    }
}
