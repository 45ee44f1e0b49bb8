namespace Jbk.Capaciteit.Domain;

public enum InstellingSoort { Regionaal = 1, Landelijk = 2 }

/// <summary>A gecertificeerde instelling (GI) in the registry.</summary>
public sealed class Instelling
{
    public required string Code { get; init; }
    public required string Naam { get; set; }
    public InstellingSoort Soort { get; set; }
    /// <summary>Regions served (province or jeugdregio codes); empty for a national GI, which serves all.</summary>
    public List<string> Regios { get; set; } = [];
    /// <summary>The doelgroepen a national GI is for (e.g. LVB for William Schrikker).</summary>
    public List<string> Doelgroepen { get; set; } = [];
}
