namespace Jbk.Overdracht.Domain;

/// <summary>A document of the handover dossier: metadata, content and its SHA-256.</summary>
public sealed class DossierDocument
{
    public Guid Id { get; init; }
    public Guid OverdrachtId { get; init; }
    public Guid MaatregelId { get; init; }
    public DocumentSoort Soort { get; init; }
    public DateOnly Datum { get; init; }
    public required string AuteurOrganisatie { get; init; }
    public required byte[] Inhoud { get; init; }
    public required string Checksum { get; init; }
    public DateTime GeleverdOpUtc { get; init; }
}

/// <summary>
/// NEN 7513-style access log of dossiers: what happened, when, which child (pseudonymous id), which user, for which
/// organisation and on whose behalf, and whether it was allowed. Written also for refused attempts.
/// </summary>
public sealed class DossierLogregel
{
    public long Id { get; private set; }
    public DateTime OpUtc { get; init; }
    public Guid OverdrachtId { get; init; }
    public required string Handeling { get; init; }
    public required string Organisatie { get; init; }
    public required string Gebruiker { get; init; }
    public string? Namens { get; init; }
    public required string Jeugdigen { get; init; }
    public bool Toegestaan { get; init; }
}
