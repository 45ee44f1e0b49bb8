namespace Jbk.BuildingBlocks.Security;

public enum OrganisatieSoort { Gi, Rvdk, Gemeente, Operator, Dienst, Privacyfunctionaris }

/// <summary>
/// The organisation a caller acts for, as named in the token's <c>org</c> claim:
/// <c>gi:JBN</c>, <c>rvdk</c>, <c>gemeente:GM0106</c>, <c>operator</c>, <c>privacyfunctionaris</c>, or a platform service acting on its own
/// account, <c>dienst:overdracht</c>.
/// </summary>
public sealed record Organisatie(OrganisatieSoort Soort, string? Code)
{
    public static Organisatie Gi(string code) => new(OrganisatieSoort.Gi, code);
    public static readonly Organisatie Rvdk = new(OrganisatieSoort.Rvdk, null);
    public static readonly Organisatie Operator = new(OrganisatieSoort.Operator, null);
    /// <summary>The privacy officer (NEN 7513): reads every entry of the access logs, nothing else.</summary>
    public static readonly Organisatie Privacyfunctionaris = new(OrganisatieSoort.Privacyfunctionaris, null);
    public static Organisatie Gemeente(string code) => new(OrganisatieSoort.Gemeente, code);
    public static Organisatie Dienst(string naam) => new(OrganisatieSoort.Dienst, naam.ToLowerInvariant());

    public bool IsDienst(string naam) => Soort == OrganisatieSoort.Dienst && string.Equals(Code, naam, StringComparison.OrdinalIgnoreCase);

    public bool IsGi(string code) => Soort == OrganisatieSoort.Gi && string.Equals(Code, code, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? value, out Organisatie organisatie)
    {
        organisatie = Operator;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var parts = value.Split(':', 2);
        var soort = parts[0].Trim().ToLowerInvariant();
        var code = parts.Length == 2 ? parts[1].Trim() : null;
        switch (soort)
        {
            case "gi" when !string.IsNullOrEmpty(code):
                organisatie = Gi(code.ToUpperInvariant());
                return true;
            case "gemeente" when !string.IsNullOrEmpty(code):
                organisatie = Gemeente(code.ToUpperInvariant());
                return true;
            case "dienst" when !string.IsNullOrEmpty(code):
                organisatie = Dienst(code);
                return true;
            case "rvdk" when code is null:
                organisatie = Rvdk;
                return true;
            case "operator" when code is null:
                organisatie = Operator;
                return true;
            case "privacyfunctionaris" when code is null:
                organisatie = Privacyfunctionaris;
                return true;
            default:
                return false;
        }
    }

    public static Organisatie Parse(string value) =>
        TryParse(value, out var o) ? o
            : throw new FormatException($"'{value}' is geen organisatie: gebruik gi:<code>, rvdk, gemeente:<code>, operator, privacyfunctionaris of dienst:<naam>.");

    public override string ToString() => Code is null ? Soort.ToString().ToLowerInvariant() : $"{Soort.ToString().ToLowerInvariant()}:{Code}";
}
