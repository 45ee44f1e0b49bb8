namespace Jbk.Contracts.Events;

/// <summary>A measure was registered; <paramref name="GiCode"/> is responsible from <paramref name="Startdatum"/>.</summary>
public sealed record MaatregelGeregistreerd(
    Guid MaatregelId,
    MaatregelType Type,
    string GiCode,
    string Regio,
    DateOnly Startdatum,
    DateOnly? Einddatum) : IntegrationEvent;
