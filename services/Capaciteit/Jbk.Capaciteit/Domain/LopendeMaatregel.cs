using Jbk.Contracts;

namespace Jbk.Capaciteit.Domain;

/// <summary>
/// One running measure as capaciteit counts it: which GI carries it, of what type, in which region.
/// No child, no dates of birth, no names: load is a count of these rows.
/// </summary>
public sealed class LopendeMaatregel
{
    public Guid MaatregelId { get; init; }
    public required string GiCode { get; set; }
    public MaatregelType Type { get; init; }
    public required string Regio { get; init; }
}
