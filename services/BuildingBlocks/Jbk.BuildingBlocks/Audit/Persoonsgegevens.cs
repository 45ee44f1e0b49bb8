namespace Jbk.BuildingBlocks.Audit;

/// <summary>
/// Marks an RPC that reads or writes personal data (measures, children, handovers, dossiers): every call of it, allowed or
/// refused, goes into the service's access log (NEN 7513) before its answer leaves.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PersoonsgegevensAttribute : Attribute;
