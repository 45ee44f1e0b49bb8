using Jbk.Planning;

namespace Jbk.Overdracht;

/// <summary>Configuration section <c>Overdracht</c>.</summary>
public sealed class OverdrachtOpties
{
    /// <summary>Working days after the switch within which the receiving GI gives every measure a vaste jeugdbeschermer.</summary>
    public int VoltooiingWerkdagen { get; set; } = 10;

    /// <summary>A scenario's handover without a step for this long counts as stuck in its progress.</summary>
    public TimeSpan ScenarioVastgelopenNa { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long the platform waits before it tries a step that another service refused for good again.</summary>
    public TimeSpan VastgelopenOpnieuwNa { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Handovers whose next step is the platform's own (checks, reservation, switch), taken side by side: each in its
    /// own transaction, one handover's steps still one after another. One after another, a bulk scenario's week waits
    /// for every other family's checks and reservation before its own (measured: ~0.2 s and ~0.4 s a week of 15).
    /// </summary>
    public int GelijktijdigeStappen { get; set; } = 8;

    /// <summary>Which planner makes a scenario's first plan, its weights and its time limit (<c>Overdracht:Planner</c>).</summary>
    public PlannerOpties Planner { get; set; } = new();
}
