namespace Jbk.Planning.WatAls;

/// <summary>A GI as the what-if model starts it: productive staff, its norm, and the caseload it already carries.</summary>
public sealed record WatAlsGi(
    string GiCode,
    /// <summary>Productive FTE now (sick staff out, staff in training at their share).</summary>
    double Fte,
    /// <summary>Measures one productive FTE carries (capaciteit's norm).</summary>
    double Norm,
    /// <summary>Measures it carries outside the region of the scenario; assumed steady (as many end as come in).</summary>
    double EigenCaseload,
    /// <summary>Share of its staff that leaves each week, and FTE it hires each week.</summary>
    double VerloopPerWeek = 0,
    double WervingFtePerWeek = 0);

/// <summary>
/// The platform's current data for a what-if run: the sending GI's running measures in the region with the week
/// each ends, how many of them wait for a vaste jeugdbeschermer, the inflow of new measures per week in the region,
/// and every GI that may take part with its staff and caseload.
/// </summary>
public sealed record WatAlsInvoer(
    DateOnly Start,
    int Weken,
    string Zender,
    /// <summary>Per running measure of the sender in the region: the week (from Start) it ends; null when it does not end within the horizon.</summary>
    IReadOnlyList<int?> EindweekLopend,
    /// <summary>The sender's measures in the region that wait for a vaste jeugdbeschermer now.</summary>
    int WachtendNu,
    /// <summary>New measures per week in the region (the registry's history; extensions count as new).</summary>
    double InstroomPerWeek,
    /// <summary>How long a new measure runs on average, in weeks.</summary>
    double GemiddeldeDuurWeken,
    IReadOnlyList<WatAlsGi> Gis);
