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
}
