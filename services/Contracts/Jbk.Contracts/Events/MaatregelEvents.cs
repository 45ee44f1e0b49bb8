namespace Jbk.Contracts.Events;

// Facts of maatregelregistratie. Ids and codes only: no BSN, names or doelgroep indications.

/// <summary>A measure was registered; <paramref name="GiCode"/> is responsible from <paramref name="Startdatum"/>.</summary>
public sealed record MaatregelGeregistreerd(
    Guid MaatregelId,
    MaatregelType Type,
    string GiCode,
    string Regio,
    DateOnly Startdatum,
    DateOnly? Einddatum) : IntegrationEvent
{
    public override string Volgorde => $"maatregel:{MaatregelId}";

    /// <summary>Pseudonymous ids: which measures belong to one child and which children to one family.</summary>
    public Guid JeugdigeId { get; init; }
    public Guid GezinId { get; init; }
}

/// <summary>The court extended a measure to a new end date.</summary>
public sealed record MaatregelVerlengd(Guid MaatregelId, string GiCode, DateOnly? VorigeEinddatum, DateOnly NieuweEinddatum) : IntegrationEvent
{
    public override string Volgorde => $"maatregel:{MaatregelId}";
}

/// <summary>
/// A measure ended (court decision, lapse, majority, or with the OTS it belonged to). The reason stays in
/// maatregelregistratie: it is free text a person wrote and may name the child; events carry ids and codes only.
/// </summary>
public sealed record MaatregelBeeindigd(Guid MaatregelId, string GiCode, MaatregelType Type, string Regio, DateOnly Datum)
    : IntegrationEvent
{
    public override string Volgorde => $"maatregel:{MaatregelId}";
}

/// <summary>Responsibility moved from one GI to another at one instant, by a handover.</summary>
public sealed record VerantwoordelijkheidOvergedragen(
    Guid MaatregelId, string VanGi, string NaarGi, DateTime OpUtc, Guid OverdrachtId, MaatregelType Type, string Regio) : IntegrationEvent
{
    public override string Volgorde => $"maatregel:{MaatregelId}";
}

/// <summary>The GI gave the case to a vaste jeugdbeschermer (<paramref name="Vast"/>) or to a pool.</summary>
public sealed record JeugdbeschermerToegewezen(Guid MaatregelId, string GiCode, bool Vast, DateOnly Van) : IntegrationEvent
{
    public override string Volgorde => $"maatregel:{MaatregelId}";
}

/// <summary>A normenkader or legal step was recorded (first contact, plan van aanpak, ...).</summary>
public sealed record MijlpaalGeregistreerd(Guid MaatregelId, string GiCode, string Soort, DateOnly Datum) : IntegrationEvent
{
    public override string Volgorde => $"maatregel:{MaatregelId}";
}

/// <summary>A deadline passed without the step that meets it.</summary>
public sealed record TermijnVerstreken(Guid MaatregelId, string GiCode, string Soort, DateOnly Uiterlijk) : IntegrationEvent
{
    public override string Volgorde => $"maatregel:{MaatregelId}";
}

/// <summary>A handover took a step (requested, checked, reserved, accepted, switched, completed, cancelled, ...).</summary>
public sealed record OverdrachtStapGezet(Guid OverdrachtId, string VerzendendeGi, string OntvangendeGi, string Status, string Stap, IReadOnlyList<Guid> MaatregelIds)
    : IntegrationEvent
{
    public override string Volgorde => $"overdracht:{OverdrachtId}";
}
