namespace Jbk.Maatregelregistratie.Domain.Termijnen;

public enum TermijnSoort
{
    /// <summary>Normenkader: first contact with child and parents within 5 working days of assignment.</summary>
    EersteContact = 1,
    /// <summary>Normenkader: plan van aanpak within 6 weeks of assignment.</summary>
    PlanVanAanpak = 2,
    /// <summary>Normenkader: safety assessment at the start.</summary>
    Veiligheidstaxatie = 3,
    /// <summary>Request an extension, or tell the RvdK you will not, 2 months before the end date.</summary>
    BesluitVerlenging = 4,
    /// <summary>The end date itself: a running measure past it means a child without protection.</summary>
    Einddatum = 5,
    /// <summary>An MUHP lapses when not carried out within 3 months.</summary>
    MuhpTenUitvoerLegging = 6,
    /// <summary>Voorlopige voogdij lapses after 3 months unless ending of authority was requested.</summary>
    VoorlopigeVoogdijVervalt = 7,
}

/// <summary>NEICE's three states: overdue, due (within the window), pending (later), and met.</summary>
public enum TermijnStatus { Open = 1, Voldaan = 2, Verstreken = 3 }

public sealed record Termijn(TermijnSoort Soort, DateOnly Uiterlijk, DateOnly? VoldaanOp)
{
    public TermijnStatus StatusOp(DateOnly peildatum) =>
        VoldaanOp is not null ? TermijnStatus.Voldaan : peildatum > Uiterlijk ? TermijnStatus.Verstreken : TermijnStatus.Open;

    /// <summary>Open and due within <paramref name="dagen"/> days of <paramref name="peildatum"/> (today included).</summary>
    public bool VervaltBinnen(DateOnly peildatum, int dagen) =>
        StatusOp(peildatum) == TermijnStatus.Open && Uiterlijk.DayNumber - peildatum.DayNumber <= dagen;
}
