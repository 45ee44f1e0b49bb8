namespace Jbk.Overdracht.Scenarios;

/// <summary>
/// Whether a running scenario keeps pace with its deadline: on a straight line from its start to its deadline, how
/// many of its placeable measures should have switched by today, and how many it is behind (0 when on or ahead).
/// </summary>
public static class Traject
{
    public static int VerwachtOmgezet(int plaatsbaar, DateOnly start, DateOnly deadline, DateOnly vandaag)
    {
        if (vandaag >= deadline) return plaatsbaar;
        if (vandaag <= start) return 0;
        var deel = (double)(vandaag.DayNumber - start.DayNumber) / Math.Max(1, deadline.DayNumber - start.DayNumber);
        return (int)Math.Floor(plaatsbaar * deel);
    }

    public static int Achterstand(int plaatsbaar, int omgezet, DateOnly start, DateOnly deadline, DateOnly vandaag) =>
        Math.Max(0, VerwachtOmgezet(plaatsbaar, start, deadline, vandaag) - omgezet);
}
