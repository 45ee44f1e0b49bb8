namespace Jbk.Contracts;

public static class DatumMapping
{
    public static Common.V1.Datum ToProto(this DateOnly d) => new() { Jaar = d.Year, Maand = d.Month, Dag = d.Day };

    /// <summary>Null when the message has no date or an impossible one (31 February).</summary>
    public static DateOnly? ToDateOnly(this Common.V1.Datum? d)
    {
        if (d is null) return null;
        try { return new DateOnly(d.Jaar, d.Maand, d.Dag); }
        catch (ArgumentOutOfRangeException) { return null; }
    }
}
