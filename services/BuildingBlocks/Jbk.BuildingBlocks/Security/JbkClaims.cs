namespace Jbk.BuildingBlocks.Security;

/// <summary>The claims and token parameters every JBK service agrees on.</summary>
public static class JbkClaims
{
    public const string Organisatie = "org";
    /// <summary>The acting user: a pseudonymous id, never a name.</summary>
    public const string Gebruiker = "sub";
    /// <summary>Optional: the organisation on whose behalf the user acts (NEN 7513 asks for it).</summary>
    public const string NamensOrganisatie = "namens";
    public const string Issuer = "jbk";
    public const string Audience = "jbk-platform";
}
