using Jbk.Contracts;

namespace Jbk.Overdracht.Domain;

/// <summary>
/// Overdracht's own copy of what it must know of a measure to check a handover: its type, region and the
/// GI responsible now. Kept current from maatregelregistratie's events; never read from its database.
/// </summary>
public sealed class MaatregelStand
{
    public Guid MaatregelId { get; init; }
    public MaatregelType Type { get; init; }
    public required string VerantwoordelijkeGi { get; set; }
    public required string Regio { get; init; }
    public DateOnly? Einddatum { get; set; }
    public bool Lopend { get; set; } = true;
    /// <summary>When the responsible GI took over, to ignore a stale handover event that arrives late.</summary>
    public DateTime GiSindsUtc { get; set; }
    public Guid JeugdigeId { get; set; }
    public Guid GezinId { get; set; }
}
