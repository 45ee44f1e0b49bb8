namespace Jbk.Planning.WatAls;

/// <summary>A new GI built during the wind-down (scenario 2): operational from a week, growing to its staff.</summary>
public sealed record NieuweGi(string GiCode, int OperationeelVanafWeek, int OpbouwWeken, double DoelFte, double Norm);

/// <summary>
/// One of the seeds' scenarios for a GI that loses its certificate, as parameters of the what-if model. All of them
/// live in one settings file (<c>wat-als.json</c>) with the assumptions they stand for.
/// </summary>
public sealed record WatAlsScenario
{
    public required string Code { get; init; }
    public required string Naam { get; init; }
    public string Omschrijving { get; init; } = "";
    /// <summary>The week the sender's certificate ends; none: it keeps its certificate.</summary>
    public int? CertificaatEindeWeek { get; init; }
    /// <summary>The sender's measures in the region move, evenly spread over weeks [van, tot).</summary>
    public int? OverdrachtVanafWeek { get; init; }
    public int? OverdrachtTotWeek { get; init; }
    /// <summary>The receivers, and the new GI when there is one; none listed: every other GI.</summary>
    public IReadOnlyList<string> Ontvangers { get; init; } = [];
    /// <summary>From this week new measures in the region go to the receivers instead of the sender.</summary>
    public int? IntakestopVanafWeek { get; init; }
    /// <summary>Share of the moving measures whose case worker moves along (with their caseload).</summary>
    public double PersoneelMeeAandeel { get; init; }
    /// <summary>Extra share of the sender's staff that leaves each week once the scenario is known.</summary>
    public double ExtraVerloopZender { get; init; }
    /// <summary>Extra FTE the sender hires each week (scenario 4: it builds up again).</summary>
    public double ExtraWervingZender { get; init; }
    /// <summary>Share of new measures that local teams take on instead of a GI, reached after the build-up.</summary>
    public double LokaleTeamsAandeel { get; init; }
    public int LokaleTeamsVanafWeek { get; init; }
    public int LokaleTeamsOpbouwWeken { get; init; } = 1;
    public NieuweGi? NieuweGi { get; init; }
}

/// <summary>The settings file: the assumptions every scenario shares, and the scenarios.</summary>
public sealed record WatAlsInstellingen
{
    public int Weken { get; init; } = 52;
    /// <summary>Share of staff leaving each week at every GI, replaced by hiring (the platform knows staffing, not its turnover).</summary>
    public double VerloopPerWeek { get; init; } = 0.003;
    /// <summary>How long a new measure runs on average, in weeks.</summary>
    public double GemiddeldeDuurWeken { get; init; } = 52;
    public IReadOnlyList<string> Aannames { get; init; } = [];
    public required IReadOnlyList<WatAlsScenario> Scenarios { get; init; }
}
