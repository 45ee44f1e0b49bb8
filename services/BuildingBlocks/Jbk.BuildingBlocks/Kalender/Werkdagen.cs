namespace Jbk.BuildingBlocks.Kalender;

/// <summary>Counting in working days: Monday to Friday, minus Dutch public holidays.</summary>
public sealed class Werkdagen(Feestdagen feestdagen)
{
    public bool IsWerkdag(DateOnly dag) =>
        dag.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !feestdagen.IsFeestdag(dag);

    /// <summary>The date <paramref name="aantal"/> working days after <paramref name="van"/> (the day itself not counted).</summary>
    public DateOnly Na(DateOnly van, int aantal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aantal);
        var dag = van;
        for (var geteld = 0; geteld < aantal;)
        {
            dag = dag.AddDays(1);
            if (IsWerkdag(dag)) geteld++;
        }
        return dag;
    }

    /// <summary>Working days after <paramref name="van"/> up to and including <paramref name="tot"/> (0 when tot is not later).</summary>
    public int Tussen(DateOnly van, DateOnly tot)
    {
        var aantal = 0;
        for (var dag = van.AddDays(1); dag <= tot; dag = dag.AddDays(1))
            if (IsWerkdag(dag)) aantal++;
        return aantal;
    }
}
