namespace Jbk.Planning.Rapport;

/// <summary>A plan as charts: measures per receiver per week, and each receiver's free capacity before and after.</summary>
public static class PlanGrafieken
{
    public sealed record Ontvanger(string GiCode, int VrijVoor, int Ontvangen, int VrijNa);

    public sealed record Week(string Naar, int Nummer, int Totaal);

    /// <summary>Writes plan-per-week and capaciteit-voor-na (PNG and SVG) into <paramref name="map"/>; returns the files.</summary>
    public static IReadOnlyList<string> Schrijf(string map, IReadOnlyList<Ontvanger> ontvangers, IReadOnlyList<Week> weken, int aantalWeken)
    {
        Directory.CreateDirectory(map);
        Grafiek.Lijnen(map, "plan-per-week", "Overdrachten per ontvanger per week", "maatregelen",
            ontvangers.Select(o => (o.GiCode, Enumerable.Range(0, aantalWeken).Select(w => (double)weken.Where(x => x.Naar == o.GiCode && x.Nummer == w).Sum(x => x.Totaal)).ToArray())));
        Grafiek.Staven(map, "capaciteit-voor-na", "Vrije capaciteit voor en na het plan", "maatregelen", ontvangers.Select(o => o.GiCode).ToList(),
        [
            ("vrij voor", ontvangers.Select(o => (double)o.VrijVoor).ToArray()),
            ("ontvangen", ontvangers.Select(o => (double)o.Ontvangen).ToArray()),
            ("vrij na", ontvangers.Select(o => (double)o.VrijNa).ToArray()),
        ]);
        string[] namen = ["plan-per-week.png", "plan-per-week.svg", "capaciteit-voor-na.png", "capaciteit-voor-na.svg"];
        return namen.Select(f => Path.Combine(map, f)).ToList();
    }
}
