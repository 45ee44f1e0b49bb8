using Jbk.Contracts;

namespace Jbk.Capaciteit.Domain;

/// <summary>
/// One measure as capaciteit counts it: which GI carries it, of what type, in which region, whether it still
/// runs and whether it has a vaste jeugdbeschermer. No child, no names: load is a count of these rows.
/// Events may arrive out of order, so every event can create the row, a responsibility change only
/// applies when it is newer than the one the row has, and "without vaste jeugdbeschermer" is derived from
/// both (the GI whose worker holds it against the GI that carries it), whichever came first.
/// </summary>
public sealed class LopendeMaatregel
{
    public Guid MaatregelId { get; init; }
    public required string GiCode { get; set; }
    public MaatregelType Type { get; init; }
    public required string Regio { get; init; }
    public bool Lopend { get; set; } = true;
    /// <summary>The GI whose vaste jeugdbeschermer was last assigned; null when none (or a pool) holds the case.</summary>
    public string? VasteJeugdbeschermerBij { get; set; }
    /// <summary>When <see cref="GiCode"/> became responsible (the handover's instant), to ignore stale handovers.</summary>
    public DateTime GiSindsUtc { get; set; }
}
