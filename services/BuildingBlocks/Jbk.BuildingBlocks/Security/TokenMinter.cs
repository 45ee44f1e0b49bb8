using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jbk.BuildingBlocks.Security;

/// <summary>Mints JBK bearer tokens. Used by the CLI in embedded mode and by tests; production tokens come from an identity provider.</summary>
public static class TokenMinter
{
    public static string Mint(ECDsa privateKey, Organisatie organisatie, string gebruiker, TimeSpan lifetime,
        DateTime? nowUtc = null, Organisatie? namens = null)
    {
        var now = nowUtc ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [JbkClaims.Organisatie] = organisatie.ToString(),
            [JbkClaims.Gebruiker] = gebruiker,
        };
        if (namens is not null) claims[JbkClaims.NamensOrganisatie] = namens.ToString();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = JbkClaims.Issuer,
            Audience = JbkClaims.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            // No cached signature provider: the caller may dispose the key, and a later key with the same id must not meet a disposed one.
            SigningCredentials = new SigningCredentials(SigningKeys.ToSecurityKey(privateKey), SecurityAlgorithms.EcdsaSha256)
            {
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
