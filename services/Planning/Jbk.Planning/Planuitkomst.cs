namespace Jbk.Planning;

public enum Planmethode { Gretig = 1, Optimaal = 2 }

/// <summary>How the optimal planner runs: its weights and its time limit.</summary>
public sealed record PlannerOpties
{
    public Planmethode Methode { get; init; } = Planmethode.Optimaal;
    public PlanGewichten Gewichten { get; init; } = PlanGewichten.Standaard;
    /// <summary>
    /// The solver's limit in its deterministic time (about seconds on this kind of machine): a limit in wall-clock
    /// time would make the plan depend on how busy the machine is.
    /// </summary>
    public double Tijdslimiet { get; init; } = 20;
}

/// <summary>
/// A plan with how good it is: its score, the best score any plan could reach (the solver's proven bound) and the
/// gap between them; which planner made it and why (the greedy plan stands when the solver finds nothing better).
/// </summary>
public sealed record Planuitkomst(
    Plan Plan, Planmethode Methode, Doelwaarde Doelwaarde, long? Grens, string Status, TimeSpan Duur, string Toelichting)
{
    /// <summary>(bound − score) / |bound|: 0 means proven optimal; none without a solver.</summary>
    public double? Gap => Grens is not { } g ? null : g == 0 ? 0 : Math.Max(0, (double)(g - Doelwaarde.Totaal) / Math.Abs(g));

    /// <summary>Points the plan could at most still gain; none without a solver.</summary>
    public long? GapPunten => Grens is { } g ? Math.Max(0, g - Doelwaarde.Totaal) : null;

    public bool BewezenOptimaal => GapPunten == 0;
}
