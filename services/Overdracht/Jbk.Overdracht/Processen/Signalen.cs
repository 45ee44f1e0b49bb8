using Jbk.BuildingBlocks.Processen;

namespace Jbk.Overdracht.Processen;

/// <summary>A command changed a handover: the handover process looks at once.</summary>
public sealed class OverdrachtSignaal : Wekker;

/// <summary>A handover moved: the scenario process looks at once.</summary>
public sealed class ScenarioSignaal : Wekker;
