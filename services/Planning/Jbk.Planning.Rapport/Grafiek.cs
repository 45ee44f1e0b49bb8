using ScottPlot;

namespace Jbk.Planning.Rapport;

/// <summary>A line chart over weeks, written as PNG and SVG; returns the PNG's bytes for the HTML report.</summary>
internal static class Grafiek
{
    public const int Breedte = 900, Hoogte = 420;

    public static byte[] Lijnen(string map, string naam, string titel, string yLabel, IEnumerable<(string Label, double[] Waarden)> reeksen, double? referentie = null, string? referentieLabel = null)
    {
        var plot = new Plot();
        foreach (var (label, waarden) in reeksen)
        {
            var lijn = plot.Add.Scatter(Enumerable.Range(0, waarden.Length).Select(w => (double)w).ToArray(), waarden);
            lijn.LegendText = label;
            lijn.MarkerSize = 0;
            lijn.LineWidth = 2;
        }
        if (referentie is { } r)
        {
            var lijn = plot.Add.HorizontalLine(r);
            lijn.LinePattern = LinePattern.Dashed;
            lijn.LegendText = referentieLabel ?? "";
        }
        plot.Title(titel);
        plot.XLabel("week");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(Path.Combine(map, naam + ".png"), Breedte, Hoogte);
        plot.SaveSvg(Path.Combine(map, naam + ".svg"), Breedte, Hoogte);
        return File.ReadAllBytes(Path.Combine(map, naam + ".png"));
    }

    public static byte[] Staven(string map, string naam, string titel, string yLabel, IReadOnlyList<string> groepen, IEnumerable<(string Label, double[] Waarden)> reeksen)
    {
        var plot = new Plot();
        var lijst = reeksen.ToList();
        var staven = new List<Bar>();
        var palet = new ScottPlot.Palettes.Category10();
        for (var r = 0; r < lijst.Count; r++)
            for (var g = 0; g < groepen.Count; g++)
                staven.Add(new Bar { Position = g * (lijst.Count + 1) + r, Value = lijst[r].Waarden[g], FillColor = palet.GetColor(r) });
        plot.Add.Bars(staven);
        plot.Axes.Bottom.SetTicks(groepen.Select((_, g) => g * (lijst.Count + 1) + (lijst.Count - 1) / 2.0).ToArray(), groepen.ToArray());
        for (var r = 0; r < lijst.Count; r++) plot.Legend.ManualItems.Add(new LegendItem { LabelText = lijst[r].Label, FillColor = palet.GetColor(r) });
        plot.Title(titel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(Path.Combine(map, naam + ".png"), Breedte, Hoogte);
        plot.SaveSvg(Path.Combine(map, naam + ".svg"), Breedte, Hoogte);
        return File.ReadAllBytes(Path.Combine(map, naam + ".png"));
    }
}
