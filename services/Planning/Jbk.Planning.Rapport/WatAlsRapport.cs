using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Jbk.Planning.WatAls;

namespace Jbk.Planning.Rapport;

/// <summary>
/// The what-if comparison for those who decide: a table, charts (PNG and SVG) over the weeks, one self-contained HTML
/// report with the charts, the table, each scenario's description and the assumptions, and everything as JSON.
/// Capacity figures only: no personal data.
/// </summary>
public static class WatAlsRapport
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the report into <paramref name="map"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Schrijf(string map, WatAlsInvoer invoer, WatAlsInstellingen instellingen, IReadOnlyList<WatAlsUitkomst> uitkomsten)
    {
        Directory.CreateDirectory(map);
        var grafieken = new List<(string Titel, byte[] Png)>();
        double[] PerWeek(WatAlsUitkomst u, Func<IEnumerable<WatAlsWeek>, double> f) =>
            Enumerable.Range(0, invoer.Weken).Select(w => f(u.Weken.Where(x => x.Week == w))).ToArray();
        string Label(WatAlsUitkomst u) => $"{u.Scenario.Code}: {u.Scenario.Naam}";

        grafieken.Add(("Maatregelen zonder vaste jeugdbeschermer", Grafiek.Lijnen(map, "zonder-vaste-jeugdbeschermer", "Maatregelen zonder vaste jeugdbeschermer",
            "maatregelen", uitkomsten.Select(u => (Label(u), PerWeek(u, x => x.Sum(w => w.ZonderVasteJeugdbeschermer)))))));
        grafieken.Add(("Gemiddelde wachttijd op een vaste jeugdbeschermer", Grafiek.Lijnen(map, "wachttijd", "Gemiddelde wachttijd op een vaste jeugdbeschermer",
            "weken", uitkomsten.Select(u => (Label(u), PerWeek(u, x => x.Sum(w => w.ZonderVasteJeugdbeschermer) is var n and > 0 ? x.Sum(w => w.ZonderVasteJeugdbeschermer * w.GemiddeldeWachtweken) / n : 0))))));
        grafieken.Add(("Wisselingen van jeugdbeschermer (opgeteld)", Grafiek.Lijnen(map, "wisselingen", "Wisselingen van jeugdbeschermer (opgeteld)",
            "maatregelen", uitkomsten.Select(u => (Label(u), Cumulatief(PerWeek(u, x => x.Sum(w => w.Wisselingen))))))));
        grafieken.Add(("Maatregelen bij een GI zonder geldig certificaat", Grafiek.Lijnen(map, "zonder-certificaat", "Maatregelen bij een GI zonder geldig certificaat",
            "maatregelen", uitkomsten.Select(u => (Label(u), PerWeek(u, x => x.Sum(w => w.ZonderCertificaat)))))));
        grafieken.Add(("Overdrachten per week", Grafiek.Lijnen(map, "overdrachten", "Overdrachten per week",
            "maatregelen", uitkomsten.Select(u => (Label(u), PerWeek(u, x => x.Sum(w => w.Ontvangen)))))));
        foreach (var u in uitkomsten)
        {
            var gis = u.Weken.Select(w => w.GiCode).Distinct().Where(g => u.Weken.Any(w => w.GiCode == g && (w.Ontvangen > 0 || g == invoer.Zender))).ToList();
            grafieken.Add(($"Scenario {u.Scenario.Code}: belasting tegen capaciteit", Grafiek.Lijnen(map, $"belasting-scenario-{u.Scenario.Code}",
                $"Scenario {u.Scenario.Code}: belasting tegen capaciteit per GI", "caseload / capaciteit",
                gis.Select(g => (g, u.Weken.Where(w => w.GiCode == g).OrderBy(w => w.Week).Select(w => double.IsInfinity(w.Belasting) ? 0 : w.Belasting).ToArray())),
                referentie: 1, referentieLabel: "vol")));
        }
        grafieken.Add(("Vergelijking", Grafiek.Staven(map, "vergelijking", "Scenario's naast elkaar", "maatregelen",
            uitkomsten.Select(u => $"scenario {u.Scenario.Code}").ToList(),
            [
                ("piek zonder vaste jeugdbeschermer", uitkomsten.Select(u => u.Samenvatting.ZonderVasteJeugdbeschermerPiek).ToArray()),
                ("wisselingen", uitkomsten.Select(u => u.Samenvatting.WisselingenTotaal).ToArray()),
                ("piek zonder geldig certificaat", uitkomsten.Select(u => u.Samenvatting.ZonderCertificaatPiek).ToArray()),
            ])));

        var html = Path.Combine(map, "wat-als.html");
        File.WriteAllText(html, Html(invoer, instellingen, uitkomsten, grafieken));
        var json = Path.Combine(map, "wat-als.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { invoer = new { invoer.Start, invoer.Weken, invoer.Zender, lopend = invoer.EindweekLopend.Count, invoer.WachtendNu, invoer.InstroomPerWeek, invoer.GemiddeldeDuurWeken, invoer.Gis }, instellingen.Aannames, uitkomsten }, Json));
        return Directory.GetFiles(map).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The comparison as a plain table, for a terminal.</summary>
    public static string Tabel(IReadOnlyList<WatAlsUitkomst> uitkomsten)
    {
        var tekst = new StringBuilder();
        tekst.AppendLine(string.Create(Nl, $"{"scenario",-60} {"zonder vaste jb (piek, week)",28} {"einde",7} {"wacht wk",9} {"wissel.",8} {"zonder cert. piek",18} {"mr-weken",9} {"overbelast",11}"));
        foreach (var u in uitkomsten)
        {
            var s = u.Samenvatting;
            tekst.AppendLine(string.Create(Nl, $"{Kort($"{u.Scenario.Code}: {u.Scenario.Naam}", 60),-60} {$"{s.ZonderVasteJeugdbeschermerPiek:0} (week {s.PiekWeek})",28} {s.ZonderVasteJeugdbeschermerEinde,7:0} {s.GemiddeldeWachtweken,9:0.0} {s.WisselingenTotaal,8:0} {s.ZonderCertificaatPiek,18:0} {s.ZonderCertificaatMaatregelweken,9:0} {s.OverbelasteGiWeken,11}"));
        }
        return tekst.ToString();
    }

    private static string Kort(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static double[] Cumulatief(double[] waarden)
    {
        var som = 0.0;
        return waarden.Select(w => som += w).ToArray();
    }

    private static string Html(WatAlsInvoer invoer, WatAlsInstellingen instellingen, IReadOnlyList<WatAlsUitkomst> uitkomsten, IReadOnlyList<(string Titel, byte[] Png)> grafieken)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        string G(double d) => d.ToString("0", Nl);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Wat als: scenario's voor ").Append(E(invoer.Zender)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}img{max-width:100%}</style></head><body>");
        h.Append("<h1>Wat als: de scenario's voor ").Append(E(invoer.Zender)).Append(" naast elkaar</h1>");
        h.Append("<p>").Append(E(string.Create(Nl, $"Vanaf {invoer.Start:yyyy-MM-dd}, {invoer.Weken} weken. {invoer.Zender} heeft {invoer.EindweekLopend.Count} lopende maatregelen in de regio, waarvan {invoer.WachtendNu} zonder vaste jeugdbeschermer; instroom {invoer.InstroomPerWeek:0.0} per week; nieuwe maatregelen lopen gemiddeld {invoer.GemiddeldeDuurWeken:0} weken."))).Append("</p>");
        h.Append("<table><tr><th>scenario</th><th>zonder vaste jb, piek</th><th>in week</th><th>aan het eind</th><th>wachttijd (wk)</th><th>wisselingen</th><th>zonder geldig certificaat, piek</th><th>maatregel-weken zonder certificaat</th><th>overbelaste GI-weken</th><th>door lokale teams</th></tr>");
        foreach (var u in uitkomsten)
        {
            var s = u.Samenvatting;
            h.Append("<tr><td>").Append(E($"{u.Scenario.Code}: {u.Scenario.Naam}")).Append("</td><td>").Append(G(s.ZonderVasteJeugdbeschermerPiek)).Append("</td><td>").Append(s.PiekWeek)
                .Append("</td><td>").Append(G(s.ZonderVasteJeugdbeschermerEinde)).Append("</td><td>").Append(s.GemiddeldeWachtweken.ToString("0.0", Nl))
                .Append("</td><td>").Append(G(s.WisselingenTotaal)).Append("</td><td>").Append(G(s.ZonderCertificaatPiek)).Append("</td><td>").Append(G(s.ZonderCertificaatMaatregelweken))
                .Append("</td><td>").Append(s.OverbelasteGiWeken).Append("</td><td>").Append(G(s.DoorLokaleTeams)).Append("</td></tr>");
        }
        h.Append("</table>");
        foreach (var (titel, png) in grafieken)
            h.Append("<h2>").Append(E(titel)).Append("</h2><img alt=\"").Append(E(titel)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");
        h.Append("<h2>De scenario's</h2><ul>");
        foreach (var u in uitkomsten) h.Append("<li><b>").Append(E($"{u.Scenario.Code}: {u.Scenario.Naam}")).Append("</b>: ").Append(E(u.Scenario.Omschrijving)).Append("</li>");
        h.Append("</ul><h2>Aannames</h2><ul>");
        foreach (var a in instellingen.Aannames) h.Append("<li>").Append(E(a)).Append("</li>");
        h.Append("<li>").Append(E("GI's: " + string.Join("; ", invoer.Gis.Select(g => string.Create(Nl, $"{g.GiCode} {g.Fte:0.#} productieve fte, norm {g.Norm:0}, eigen caseload {g.EigenCaseload:0}, verloop {g.VerloopPerWeek:P1}/week, werving {g.WervingFtePerWeek:0.##} fte/week"))))).Append("</li>");
        h.Append("</ul></body></html>");
        return h.ToString();
    }
}
