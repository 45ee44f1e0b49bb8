using System.Globalization;
using Jbk.Contracts;

namespace Jbk.Clientenstop.Domain;

/// <summary>
/// One new measure as the impact analysis counts it: which GI took it, of what type, in which region and
/// ISO week. The inflow per week is a count of these rows; nothing here identifies a child.
/// </summary>
public sealed class Instroom
{
    public Guid MaatregelId { get; init; }
    public required string GiCode { get; init; }
    public MaatregelType Type { get; init; }
    public required string Regio { get; init; }
    /// <summary>ISO 8601 week of the start date, e.g. "2025-W07".</summary>
    public required string Week { get; init; }

    public static string IsoWeek(DateOnly datum)
    {
        var d = datum.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d):D4}-W{ISOWeek.GetWeekOfYear(d):D2}";
    }
}
