namespace Jbk.Planning.WatAls;

/// <summary>One GI in one week of a what-if run.</summary>
public sealed record WatAlsWeek(
    int Week, string GiCode, double Caseload, double Capaciteit, double ZonderVasteJeugdbeschermer, double GemiddeldeWachtweken,
    double Ontvangen, double Wisselingen, double ZonderCertificaat, double Fte)
{
    /// <summary>Caseload against capacity (1 is full); infinite for a GI with measures and no staff.</summary>
    public double Belasting => Capaciteit > 0 ? Caseload / Capaciteit : Caseload > 0 ? double.PositiveInfinity : 0;
}

/// <summary>What a scenario comes to over the horizon, in the figures those who decide compare.</summary>
public sealed record WatAlsSamenvatting(
    double ZonderVasteJeugdbeschermerPiek, int PiekWeek, double ZonderVasteJeugdbeschermerEinde, double GemiddeldeWachtweken,
    double WisselingenTotaal, double ZonderCertificaatPiek, double ZonderCertificaatMaatregelweken, int OverbelasteGiWeken,
    double OverdrachtenTotaal, double DoorLokaleTeams, IReadOnlyDictionary<string, double> HoogsteBelasting);

public sealed record WatAlsUitkomst(WatAlsScenario Scenario, IReadOnlyList<WatAlsWeek> Weken, WatAlsSamenvatting Samenvatting);
