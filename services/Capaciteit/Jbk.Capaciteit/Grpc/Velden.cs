using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;

namespace Jbk.Capaciteit.Grpc;

/// <summary>Reads request fields, naming the field when it is wrong.</summary>
internal static class Velden
{
    public static string Gi(string waarde, string veld = "gi_code") => GiCode.Vereis(waarde, veld);

    public static string Regio(string waarde)
    {
        if (string.IsNullOrWhiteSpace(waarde)) throw new OngeldigeInvoerException("regio", "Noem de regio (bijv. drenthe).");
        var regio = waarde.Trim().ToLowerInvariant();
        return Domain.Buurregios.IsBekend(regio) ? regio
            : throw new NietGevondenException("regio", regio, $"Regio '{regio}' is onbekend; gebruik een provincie of jeugdregio zoals drenthe of rotterdam-rijnmond.");
    }

    public static MaatregelType Type(Common.V1.MaatregelType type) =>
        MaatregelTypeMapping.FromProto(type) ?? throw new OngeldigeInvoerException("type", "Het type maatregel ontbreekt of is onbekend.");

    public static DateOnly Datum(Common.V1.Datum? datum, string veld, DateOnly standaard) =>
        datum is null ? standaard : datum.ToDateOnly() ?? throw new OngeldigeInvoerException(veld, $"{veld} is geen bestaande datum.");
}
