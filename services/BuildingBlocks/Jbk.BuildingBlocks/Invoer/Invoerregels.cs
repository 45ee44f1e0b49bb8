using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Jbk.Contracts;

namespace Jbk.BuildingBlocks.Invoer;

/// <summary>
/// A field of a request that breaks a limit: where, and why, without repeating what was sent. <see cref="Onbekend"/>: a
/// well-formed code that names nothing the platform knows (a GI, a region): the short code itself, for NOT_FOUND.
/// </summary>
public sealed record Invoerfout(string Veld, string Reden, string? Onbekend = null);

/// <summary>
/// The limits every request of the platform is held to before an RPC sees it (plain rules, no I/O), by field kind and
/// name: strings bounded and free of control characters (free text may break lines), repeated fields bounded, enums known
/// values, numbers finite and bounded, dates existing and between 1900 and 2200, GI codes in the register, region codes
/// known, gemeente codes in the CBS list. What a field must mean beyond that, the RPC says.
/// </summary>
public static class Invoerregels
{
    public const int MaximaleTekst = 2000;
    public const int MaximaleNaam = 200;
    public const int MaximaleCode = 150;
    public const int MaximaalHerhaald = 1000;
    public const int MaximaalGetal = 100_000;
    public const double MaximaleWaarde = 1_000_000;
    public static readonly DateTime Vroegst = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Laatst = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Free text a person writes: lines allowed.</summary>
    private static readonly HashSet<string> VrijeTekst = ["reden", "reden_afzien", "reden_gezin_splitsen", "toelichting"];
    private static readonly HashSet<string> GiVelden = ["gi_code", "van_gi", "naar_gi", "ontvangende_gi", "verzendende_gi", "nieuwe_gi", "oude_gi"];
    private static readonly HashSet<string> RegioVelden = ["regio", "regios"];

    /// <summary>The first field that breaks a limit, or null.</summary>
    public static Invoerfout? Controleer(IMessage bericht) => Controleer(bericht, "", 0);

    private static Invoerfout? Controleer(IMessage bericht, string pad, int diepte)
    {
        if (diepte > 8) return new(pad, "is te diep genest.");
        switch (bericht)
        {
            case Common.V1.Datum d: return Datum(d, pad);
            case Timestamp t: return Tijdstip(t, pad);
        }
        foreach (var veld in bericht.Descriptor.Fields.InFieldNumberOrder())
        {
            var naam = pad.Length == 0 ? veld.Name : $"{pad}.{veld.Name}";
            var waarde = veld.Accessor.GetValue(bericht);
            if (veld.IsRepeated)
            {
                var lijst = ((IEnumerable)waarde).Cast<object>().ToList();
                if (lijst.Count > MaximaalHerhaald) return new(naam, $"heeft {lijst.Count} waarden; ten hoogste {MaximaalHerhaald}.");
                for (var i = 0; i < lijst.Count; i++)
                    if (Waarde(veld, lijst[i], $"{naam}[{i}]", diepte) is { } fout) return fout;
            }
            else if (veld.FieldType != FieldType.Message || veld.Accessor.HasValue(bericht))
            {
                if (Waarde(veld, waarde, naam, diepte) is { } fout) return fout;
            }
        }
        return null;
    }

    private static Invoerfout? Waarde(FieldDescriptor veld, object waarde, string naam, int diepte) => veld.FieldType switch
    {
        FieldType.Message => waarde is IMessage sub ? Controleer(sub, naam, diepte + 1) : null,
        FieldType.String => Tekst(veld.Name, (string)waarde, naam),
        FieldType.Enum => veld.EnumType.FindValueByNumber(Convert.ToInt32(waarde)) is null ? new(naam, "is geen bekende waarde.") : null,
        FieldType.Double or FieldType.Float => Getal(Convert.ToDouble(waarde), naam),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Math.Abs((long)Convert.ToInt32(waarde)) > MaximaalGetal
            ? new(naam, $"ligt buiten -{MaximaalGetal}..{MaximaalGetal}.") : null,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Convert.ToInt64(waarde) < 0 ? new(naam, "kan niet negatief zijn.") : null,
        _ => null,
    };

    private static Invoerfout? Tekst(string veld, string waarde, string naam)
    {
        var vrij = VrijeTekst.Contains(veld);
        var maximaal = vrij ? MaximaleTekst : veld == "naam" ? MaximaleNaam : MaximaleCode;
        if (waarde.Length > maximaal) return new(naam, $"is {waarde.Length} tekens; ten hoogste {maximaal}.");
        foreach (var c in waarde)
            if (char.IsControl(c) && !(vrij && c is '\n' or '\r' or '\t') || c == '\uFFFD')
                return new(naam, "bevat een stuurteken of een ongeldig teken.");
        if (waarde.Length == 0) return null;
        if (GiVelden.Contains(veld) && !GiRegister.IsBekend(waarde.Trim()))
            return new(naam, "staat niet in het GI-register.", Kort(waarde.Trim().ToUpperInvariant()));
        if (RegioVelden.Contains(veld) && !Regios.IsBekend(waarde))
            return new(naam, "is onbekend; gebruik een provincie of jeugdregio zoals drenthe of rotterdam-rijnmond.", Kort(waarde.Trim().ToLowerInvariant()));
        if (veld == "gemeente" && !Gemeenten.IsBekend(waarde))
            return new(naam, "is geen gemeente van Nederland; gebruik de CBS-code (GM en vier cijfers, zoals GM0106 voor Assen).", Kort(waarde.Trim().ToUpperInvariant()));
        return null;
    }

    private static string Kort(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static Invoerfout? Getal(double waarde, string naam) =>
        !double.IsFinite(waarde) ? new(naam, "is geen eindig getal.")
        : Math.Abs(waarde) > MaximaleWaarde ? new(naam, $"ligt buiten -{MaximaleWaarde}..{MaximaleWaarde}.") : null;

    private static Invoerfout? Datum(Common.V1.Datum d, string naam) =>
        d.ToDateOnly() is { } datum && datum.Year is >= 1900 and < 2200 ? null : new(naam, "is geen bestaande datum tussen 1900 en 2200.");

    private static Invoerfout? Tijdstip(Timestamp t, string naam) =>
        t.Nanos is < 0 or > 999_999_999 || t.Seconds < Timestamp.FromDateTime(Vroegst).Seconds || t.Seconds >= Timestamp.FromDateTime(Laatst).Seconds
            ? new(naam, "is geen tijdstip tussen 1900 en 2200.") : null;

}
