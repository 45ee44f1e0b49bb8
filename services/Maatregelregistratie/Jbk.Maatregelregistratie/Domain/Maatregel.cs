using Jbk.Contracts;

namespace Jbk.Maatregelregistratie.Domain;

/// <summary>A measure imposed on one child, and the GI responsible for carrying it out.</summary>
public sealed class Maatregel
{
    private Maatregel() { }

    public Guid Id { get; private set; }
    /// <summary>The caller's key: registering again with it returns this measure instead of a second one.</summary>
    public string IdempotentieSleutel { get; private set; } = "";
    public MaatregelType Type { get; private set; }
    public string VerantwoordelijkeGi { get; private set; } = "";
    public string Regio { get; private set; } = "";
    public DateOnly Startdatum { get; private set; }
    public DateOnly? Einddatum { get; private set; }
    public DateTime GeregistreerdOpUtc { get; private set; }

    internal static Maatregel Nieuw(MaatregelInvoer invoer, DateTime nuUtc) => new()
    {
        Id = Guid.NewGuid(),
        IdempotentieSleutel = invoer.IdempotentieSleutel,
        Type = invoer.Type,
        VerantwoordelijkeGi = invoer.GiCode,
        Regio = invoer.Regio,
        Startdatum = invoer.Startdatum,
        Einddatum = invoer.Einddatum,
        GeregistreerdOpUtc = nuUtc,
    };
}
