using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;
using V1 = Jbk.Maatregelen.V1;

namespace Jbk.Maatregelregistratie.Grpc;

/// <summary>Reads request fields into domain values, naming the field when it cannot.</summary>
internal static class Invoer
{
    public static Guid Id(string waarde, string veld, string soort = "maatregel") =>
        Guid.TryParse(waarde, out var id) ? id : throw new OngeldigeInvoerException(veld, $"'{waarde}' is geen geldig {soort}-id.");

    public static Guid? OptioneelId(string waarde, string veld, string soort) =>
        string.IsNullOrWhiteSpace(waarde) ? null : Id(waarde, veld, soort);

    public static DateOnly Datum(Common.V1.Datum? datum, string veld, string omschrijving) =>
        datum.ToDateOnly() ?? throw new OngeldigeInvoerException(veld, $"{omschrijving} ontbreekt of is geen bestaande datum.");

    public static string Tekst(string waarde, string veld, string omschrijving) =>
        string.IsNullOrWhiteSpace(waarde) ? throw new OngeldigeInvoerException(veld, $"{omschrijving} ontbreekt.") : waarde.Trim();

    public static string BekendeGi(string waarde, string veld) => GiCode.Vereis(waarde, veld);

    public static Beschikking? Beschikking(V1.Beschikking? b, BeschikkingSoort soort, bool verplicht, string veld = "beschikking")
    {
        if (b is null)
            return verplicht ? throw new OngeldigeInvoerException(veld, "De beschikking van de rechter ontbreekt.") : null;
        return new Beschikking(soort,
            Tekst(b.Rechtbank, $"{veld}.rechtbank", "De rechtbank"),
            Tekst(b.Zaaknummer, $"{veld}.zaaknummer", "Het zaaknummer"),
            Datum(b.Datum, $"{veld}.datum", "De datum van de beschikking"),
            b.Einddatum is null ? null : Datum(b.Einddatum, $"{veld}.einddatum", "De einddatum van de beschikking"));
    }
}
