namespace Jbk.BuildingBlocks.Kalender;

/// <summary>
/// Dutch public holidays as the Algemene termijnenwet counts them: Nieuwjaarsdag, Goede Vrijdag,
/// Tweede Paasdag, Koningsdag, Bevrijdingsdag (5 mei), Hemelvaartsdag, Tweede Pinksterdag and both
/// Kerstdagen. Goede Vrijdag and a yearly 5 mei are settings, because contracts and CAO's differ.
/// </summary>
public sealed class Feestdagen(FeestdagenOpties? opties = null)
{
    private readonly FeestdagenOpties _opties = opties ?? new FeestdagenOpties();

    public bool IsFeestdag(DateOnly dag) => VoorJaar(dag.Year).Contains(dag);

    public IReadOnlySet<DateOnly> VoorJaar(int jaar)
    {
        var pasen = Paaszondag(jaar);
        var dagen = new HashSet<DateOnly>
        {
            new(jaar, 1, 1),
            pasen.AddDays(1),   // Tweede Paasdag
            Koningsdag(jaar),
            pasen.AddDays(39),  // Hemelvaartsdag
            pasen.AddDays(50),  // Tweede Pinksterdag
            new(jaar, 12, 25),
            new(jaar, 12, 26),
        };
        if (_opties.GoedeVrijdag) dagen.Add(pasen.AddDays(-2));
        if (_opties.BevrijdingsdagElkJaar || jaar % 5 == 0) dagen.Add(new DateOnly(jaar, 5, 5));
        return dagen;
    }

    /// <summary>27 April, or the 26th when the 27th is a Sunday.</summary>
    public static DateOnly Koningsdag(int jaar)
    {
        var dag = new DateOnly(jaar, 4, 27);
        return dag.DayOfWeek == DayOfWeek.Sunday ? dag.AddDays(-1) : dag;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly Paaszondag(int jaar)
    {
        int a = jaar % 19, b = jaar / 100, c = jaar % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int maand = (h + l - 7 * m + 114) / 31, dag = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(jaar, maand, dag);
    }
}

public sealed class FeestdagenOpties
{
    /// <summary>Goede Vrijdag counts as a holiday (default: yes, as the Algemene termijnenwet's decree has it).</summary>
    public bool GoedeVrijdag { get; set; } = true;

    /// <summary>5 mei counts every year (default), or only in lustrum years.</summary>
    public bool BevrijdingsdagElkJaar { get; set; } = true;
}
