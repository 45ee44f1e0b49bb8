using System.Globalization;
using Jbk.Contracts;

namespace Jbk.Cli;

/// <summary>Turns what a person types into contract values, with an explanation when it cannot.</summary>
internal static class Parse
{
    public static Common.V1.Datum Datum(string tekst, string optie) =>
        DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToProto()
            : throw new CliException($"{optie}: '{tekst}' is geen datum; gebruik jjjj-mm-dd.");

    public static Common.V1.MaatregelType Type(string tekst)
    {
        var naam = tekst.Replace("-", "").Replace("_", "");
        return System.Enum.TryParse<MaatregelType>(naam, ignoreCase: true, out var type) && System.Enum.IsDefined(type)
            ? type.ToProto()
            : throw new CliException($"--type: '{tekst}' is onbekend; kies uit {string.Join(", ", System.Enum.GetNames<MaatregelType>().Select(n => n.ToLowerInvariant()))}.");
    }

    public static T Keuze<T>(string tekst, string optie) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(tekst.Replace("-", "").Replace("_", ""), ignoreCase: true, out var waarde) && System.Enum.IsDefined(waarde) && Convert.ToInt32(waarde) != 0
            ? waarde
            : throw new CliException($"{optie}: '{tekst}' is onbekend; kies uit {string.Join(", ", System.Enum.GetNames<T>().Skip(1).Select(n => n.ToLowerInvariant()))}.");

    public static string Tekst(Common.V1.Datum? d) => d is null ? "-" : $"{d.Jaar:D4}-{d.Maand:D2}-{d.Dag:D2}";

    public static string Tekst(Common.V1.MaatregelType t) =>
        MaatregelTypeMapping.FromProto(t)?.ToString().ToLowerInvariant() ?? "onbekend";
}
