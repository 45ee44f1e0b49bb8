namespace Jbk.Maatregelregistratie.Domain;

/// <summary>The names of the rules, as they appear in FAILED_PRECONDITION errors (google.rpc.ErrorInfo.reason).</summary>
public static class Regels
{
    public const string Elfproef = "BsnElfproef";
    public const string BsnVerplichtBehalveJr = "BsnVerplichtBehalveJeugdreclassering";
    public const string MinderjarigBijStart = "MinderjarigBijStart";
    public const string OtsMaximaalEenJaar = "OtsMaximaalEenJaar";
    public const string VoorlopigeMaatregelMaximaalDrieMaanden = "VoorlopigeMaatregelMaximaalDrieMaanden";
    public const string MuhpBinnenOts = "MuhpBinnenOts";
    public const string AlleenLopendeMaatregel = "AlleenLopendeMaatregel";
    public const string VerlengingAlleenOtsOfMuhp = "VerlengingAlleenOtsOfMuhp";
    public const string VerlengingMaximaalEenJaar = "VerlengingMaximaalEenJaar";
    public const string VerlengingNaHuidigeEinddatum = "VerlengingNaHuidigeEinddatum";
    public const string EindeNietVoorStart = "EindeNietVoorStart";
    public const string OverdrachtDoorVerantwoordelijkeGi = "OverdrachtDoorVerantwoordelijkeGi";
    public const string OverdrachtNaarAndereGi = "OverdrachtNaarAndereGi";
    public const string OverdrachtBinnenLooptijd = "OverdrachtBinnenLooptijd";
    public const string EenVerantwoordelijkeGi = "EenVerantwoordelijkeGi";
    public const string OnbekendeGi = "OnbekendeGi";
    public const string MuhpMaximaalEenJaar = "MuhpMaximaalEenJaar";
    public const string EindeUiterlijkBijMeerderjarigheid = "EindeUiterlijkBijMeerderjarigheid";
    public const string GeenVerlengingNaVerval = "GeenVerlengingNaVerval";
    public const string BeschikkingNietInDeToekomst = "BeschikkingNietInDeToekomst";
    public const string EindigtVanRechtswege = "EindigtVanRechtswege";
}
