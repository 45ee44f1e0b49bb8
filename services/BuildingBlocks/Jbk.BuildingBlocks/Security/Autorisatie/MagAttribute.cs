namespace Jbk.BuildingBlocks.Security.Autorisatie;

/// <summary>
/// The authorization policy of one RPC, declared on its implementation: the betrokkenen it admits. An RPC of the platform
/// without one is refused for everybody (fail closed); docs/autorisatie.md is rendered from these declarations.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MagAttribute(Betrokkene wie, string waarom) : Attribute
{
    public Betrokkene Wie { get; } = wie;

    /// <summary>One line for the documentation: what the relation is checked against.</summary>
    public string Waarom { get; } = waarom;
}
