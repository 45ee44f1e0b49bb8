namespace Jbk.Maatregelregistratie.Domain;

/// <summary>
/// The durations the law sets, with the law's numbers as defaults. Configurable (section
/// <c>Maatregelregistratie:Regels</c>) where the law or policy leaves room.
/// </summary>
public sealed class MaatregelOpties
{
    public int OtsMaximaalMaanden { get; set; } = 12;
    public int VerlengingMaximaalMaanden { get; set; } = 12;
    public int VoorlopigeOtsMaximaalMaanden { get; set; } = 3;
    public int VoorlopigeVoogdijMaanden { get; set; } = 3;
    public int MuhpTenUitvoerLeggingMaanden { get; set; } = 3;
    /// <summary>An MUHP is granted for at most this long per decision (art. 1:265c BW: at most a year).</summary>
    public int MuhpMaximaalMaanden { get; set; } = 12;
    public int MeldingGeenVerlengingMaandenVoorEinde { get; set; } = 2;
    public int EersteContactWerkdagen { get; set; } = 5;
    public int PlanVanAanpakWeken { get; set; } = 6;
    /// <summary>The normenkader asks for a safety assessment "at the start"; default: with the first contact.</summary>
    public int VeiligheidstaxatieWerkdagen { get; set; } = 5;
}
