using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Jbk.BuildingBlocks.Hosting;

namespace Jbk.BuildingBlocks.Security;

public static class AuthenticationSetup
{
    /// <summary>
    /// Every call must carry a bearer JWT signed by a trusted key that may sign for the organisation it names, within
    /// its lifetime (<see cref="TokenBeleid"/>). Without one the call is refused with UNAUTHENTICATED and the reason
    /// (<see cref="TokenAuthenticatie"/>), also for a token too large to read.
    /// </summary>
    public static IHostApplicationBuilder AddJbkAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Jbk:Auth").Get<AuthOptions>() ?? new AuthOptions();
        var keys = TrustedKeys(options, JbkPaths.DataDir(builder.Configuration));
        if (keys.Count == 0)
            VereisteInstellingen.Van(builder).Vereis("Jbk:Auth:PublicKeys:0",
                "een vertrouwde publieke sleutel (PEM of pad) om tokens te controleren; of Jbk:Auth:LocalKeyFile in de embedded modus");
        var rollen = keys.ToDictionary(k => k.Key.KeyId, k => k.Rol);
        var beleid = new TokenBeleid(options.MaximaleLevensduur, options.MaximaleLevensduurDienst);

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = JbkClaims.Issuer,
            ValidAudience = JbkClaims.Audience,
            IssuerSigningKeys = keys.Select(k => (SecurityKey)k.Key).ToList(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = JbkClaims.Gebruiker,
        };
        builder.Services.AddSingleton(new GecontroleerdeTokens(parameters, rollen, beleid, TimeProvider.System));
        builder.Services.AddAuthentication(TokenAuthenticatie.Schema)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticatie>(TokenAuthenticatie.Schema, null);
        // Secure by default: an endpoint is only open when it says AllowAnonymous (health, reflection, metrics). The policy
        // names no scheme: the default (the bearer token) has authenticated the call already, naming it would do it again.
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(
            new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireClaim(JbkClaims.Organisatie).Build());
        return builder;
    }

    internal sealed record VertrouwdeSleutel(ECDsaSecurityKey Key, SleutelRol Rol);

    internal static List<VertrouwdeSleutel> TrustedKeys(AuthOptions options, string dataDir)
    {
        var keys = new List<VertrouwdeSleutel>();
        foreach (var entry in options.PublicKeys.Where(e => !string.IsNullOrWhiteSpace(e)))
            keys.Add(new(SigningKeys.PublicKeyFromPem(Pem(entry)), new SleutelRol.IdentityProvider()));
        foreach (var (dienst, entry) in options.DienstSleutels.Where(e => !string.IsNullOrWhiteSpace(e.Value)))
            keys.Add(new(SigningKeys.PublicKeyFromPem(Pem(entry)), new SleutelRol.Dienst(dienst.ToLowerInvariant())));
        if (!string.IsNullOrWhiteSpace(options.LocalKeyFile))
        {
            keys.Add(new(SigningKeys.ToSecurityKey(SigningKeys.LoadOrCreatePrivateKey(Path.Combine(dataDir, options.LocalKeyFile))), new SleutelRol.IdentityProvider()));
            keys.Add(new(SigningKeys.ToSecurityKey(SigningKeys.LoadOrCreatePrivateKey(Path.Combine(dataDir, options.LokaleDienstSleutel!))), new SleutelRol.Dienst(null)));
        }
        return keys;
    }

    private static string Pem(string entry) => entry.Contains("-----BEGIN", StringComparison.Ordinal) ? entry : File.ReadAllText(entry);
}
