using System.Text;
using Jbk.Overdracht.V1;
using Domein = Jbk.Planning;

namespace Jbk.Cli;

/// <summary>The scenario reports as a person reads them.</summary>
internal static class ScenarioTekst
{
    private static readonly string N = Environment.NewLine;

    public static string DryRun(Domein.DryRunRapport d)
    {
        var tekst = new StringBuilder($"{d.VerzendendeGi}: {d.AantalMaatregelen} maatregelen in {d.AantalGezinnen} gezinnen, {d.Start:yyyy-MM-dd} tot {d.Deadline:yyyy-MM-dd}");
        foreach (var o in d.Ontvangers)
            tekst.Append($"{N}  {o.GiCode,-5} vrij {o.VrijVoor,5} -> {o.VrijNa,5}  ontvangt {o.Ontvangen,5} ({(o.Plafond is { } p ? $"plafond {p}" : "geen eigen plafond")}, {o.WekelijkseLimiet}/week)");
        foreach (var w in d.Weken)
            tekst.Append($"{N}  week {w.Week,2} ({w.WeekVan:yyyy-MM-dd}) {w.Naar,-5} {w.Totaal,3}: {string.Join(", ", w.PerType.Select(p => $"{p.Key} {p.Value}"))}");
        foreach (var b in d.Rechtbank) tekst.Append($"{N}  rechtbank week {b.Week,2}: {b.Aantal}/{b.Maximum}");
        foreach (var n in d.NietPlaatsbaar) tekst.Append($"{N}  NIET PLAATSBAAR {n.MaatregelId} ({n.Type}): {n.Reden}");
        tekst.Append($"{N}deadline {(d.DeadlineGehaald ? "gehaald" : "NIET gehaald")}, laatste omzetweek {d.LaatsteOmzetweek:yyyy-MM-dd}, "
            + $"{d.Wisselingen} wisselingen van jeugdbeschermer, {d.GemarkeerdeTermijnen} termijnen gemarkeerd");
        return tekst.ToString();
    }

    public static string DryRun(Overdracht.V1.DryRun d)
    {
        var tekst = new StringBuilder($"scenario {d.ScenarioId}{N}{d.VerzendendeGi}: {d.AantalMaatregelen} maatregelen in {d.AantalGezinnen} gezinnen, {Parse.Tekst(d.Start)} tot {Parse.Tekst(d.Deadline)}");
        foreach (var o in d.Ontvangers)
            tekst.Append($"{N}  {o.GiCode,-5} vrij {o.VrijVoor,5} -> {o.VrijNa,5}  ontvangt {o.Ontvangen,5} ({(o.HasPlafond ? $"plafond {o.Plafond}" : "geen eigen plafond")}, {o.WekelijkseLimiet}/week)");
        foreach (var w in d.Weken)
            tekst.Append($"{N}  week {w.Week,2} ({Parse.Tekst(w.WeekVan)}) {w.NaarGi,-5} {w.Totaal,3}: {string.Join(", ", w.PerType.Select(p => $"{Parse.Tekst(p.Type)} {p.Aantal}"))}");
        foreach (var b in d.Rechtbank) tekst.Append($"{N}  rechtbank week {b.Week,2}: {b.Aantal}/{b.Maximum}");
        foreach (var n in d.NietPlaatsbaar) tekst.Append($"{N}  NIET PLAATSBAAR {n.MaatregelId} ({Parse.Tekst(n.Type)}): {n.Reden}");
        tekst.Append($"{N}deadline {(d.DeadlineGehaald ? "gehaald" : "NIET gehaald")}, laatste omzetweek {Parse.Tekst(d.LaatsteOmzetweek)}, "
            + $"{d.Wisselingen} wisselingen van jeugdbeschermer, {d.GemarkeerdeTermijnen} termijnen gemarkeerd");
        if (d.Kwaliteit is { } k)
            tekst.Append($"{N}planner {(k.Methode == Overdracht.V1.Planmethode.Optimaal ? "optimaal" : "gretig")}: score {k.Score:N0}"
                + (k.HasGrens ? $", grens {k.Grens:N0}, gap {k.Gap:P4}" : ", geen grens (gretig)") + $" ({k.Toelichting}); "
                + $"{k.JeugdbeschermerGevolgd} volgen hun jeugdbeschermer, {k.TermijnVoorOmzetting} in een gezin met een termijn vóór de omzetweek, "
                + $"{k.UitReserve} uit de herplanreserve, {k.Regionaal} regionaal");
        return tekst.ToString();
    }

    public static string Kort(ScenarioVoortgang v) =>
        $"week {Math.Max(0, v.GestarteWeek)}/{v.AantalWeken}, {v.InBehandeling} lopend, {v.Weigeringen} geweigerd, {v.Vastgelopen} vast";

    public static string Voortgang(ScenarioVoortgang v) =>
        $"scenario {v.ScenarioId}: {v.Status.ToString().ToLowerInvariant()}, weken gestart {v.GestarteWeek + 1}/{v.AantalWeken}{N}"
        + $"  {v.Totaal} maatregelen: {v.Voltooid} voltooid, {v.Omgezet} omgezet (wacht op vaste jeugdbeschermer), {v.InBehandeling} in behandeling, "
        + $"{v.Gepland} gepland, {v.NietPlaatsbaar} niet plaatsbaar" + (v.Beeindigd > 0 ? $", {v.Beeindigd} beëindigd vóór de omzetting" : "") + N
        + $"  {v.Weigeringen} weigering(en) van gezinnen ({v.GeweigerdeMaatregelen} maatregelen), opnieuw gepland; {v.Vastgelopen} vastgelopen"
        + (v.VastgelopenOverdrachten.Count > 0 ? $": {string.Join(", ", v.VastgelopenOverdrachten)}" : "");

    public static string Rapport(Continuiteitsrapport r, bool perMaatregel)
    {
        var tekst = new StringBuilder($"continuïteitsrapport scenario {r.ScenarioId} ({r.VerzendendeGi}): {(r.Afgerond ? "afgerond" : "nog niet afgerond")}");
        foreach (var regel in r.Regels) tekst.Append($"{N}  [{(regel.Geslaagd ? "ok" : "FOUT")}] {regel.Regel}: {regel.Toelichting}");
        foreach (var g in r.Maatregelen.Where(m => m.NieuweGi.Length > 0).GroupBy(m => m.NieuweGi).OrderBy(g => g.Key))
            tekst.Append($"{N}  {g.Key,-5} {g.Count(),4} maatregelen, {g.Count(m => m.VasteJeugdbeschermer)} met vaste jeugdbeschermer, {g.Count(m => m.VolgtJeugdbeschermer)} met hun eigen jeugdbeschermer mee");
        if (perMaatregel)
            foreach (var m in r.Maatregelen)
                tekst.Append($"{N}  {m.MaatregelId} {Parse.Tekst(m.Type),-18} {m.OudeGi} -> {(m.NieuweGi.Length > 0 ? m.NieuweGi : "-"),-5} week {m.Week,2} "
                    + $"omgezet {(m.OmgezetOp is null ? "-" : m.OmgezetOp.ToDateTime().ToString("yyyy-MM-dd HH:mm"))} "
                    + $"vast {(m.VasteJeugdbeschermer ? $"ja, na {m.WerkdagenTotVasteJeugdbeschermer} werkdag(en)" : "nee")} nu {string.Join("+", m.VerantwoordelijkNu)}"
                    + (m.Weigeringen.Count > 0 ? $" geweigerd door {string.Join(", ", m.Weigeringen.Select(w => w.Split(':')[0]))}" : "")
                    + (m.NietPlaatsbaarReden.Length > 0 ? $" NIET PLAATSBAAR: {m.NietPlaatsbaarReden}" : ""));
        tekst.Append($"{N}{(r.AlleRegelsGehaald ? "alle regels gehaald" : "NIET alle regels gehaald")}; deadline {(r.DeadlineGehaald ? "gehaald" : "NIET gehaald")}");
        return tekst.ToString();
    }
}
