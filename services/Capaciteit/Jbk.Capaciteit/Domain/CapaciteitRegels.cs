namespace Jbk.Capaciteit.Domain;

/// <summary>Rule names, as they appear in errors and in the reasons of the availability answer.</summary>
public static class CapaciteitRegels
{
    public const string CertificaatDuur = "CertificaatDuur";
    public const string CertificaatVerlenging = "CertificaatVerlenging";
    public const string GeldigCertificaat = "GeldigCertificaat";
    public const string RegioOfDoelgroep = "RegioOfDoelgroep";
    public const string MaatregelTypeUitgevoerd = "MaatregelTypeUitgevoerd";
    public const string GeenClientenstop = "GeenClientenstop";
    public const string VrijeCapaciteit = "VrijeCapaciteit";
    public const string NooitOverboeken = "NooitOverboeken";
}
