using Microsoft.AspNetCore.Authentication.JwtBearer;
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
    /// Every call must carry a bearer JWT signed by a trusted key, naming the caller's organisation.
    /// Without one the call is refused with UNAUTHENTICATED (HTTP 401, which gRPC maps so).
    /// </summary>
    public static IHostApplicationBuilder AddJbkAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Jbk:Auth").Get<AuthOptions>() ?? new AuthOptions();
        var keys = TrustedKeys(options, JbkPaths.DataDir(builder.Configuration));
        if (keys.Count == 0)
            VereisteInstellingen.Van(builder).Vereis("Jbk:Auth:PublicKeys:0",
                "een vertrouwde publieke sleutel (PEM of pad) om tokens te controleren; of Jbk:Auth:LocalKeyFile in de embedded modus");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = JbkClaims.Issuer,
                ValidAudience = JbkClaims.Audience,
                IssuerSigningKeys = keys,
                ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = JbkClaims.Gebruiker,
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = ctx =>
                {
                    if (!Organisatie.TryParse(ctx.Principal?.FindFirst(JbkClaims.Organisatie)?.Value, out _))
                        ctx.Fail("Het token noemt geen geldige organisatie (claim 'org').");
                    return Task.CompletedTask;
                },
            };
        });
        // Secure by default: an endpoint is only open when it says AllowAnonymous (health, reflection, metrics).
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(
            new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser().RequireClaim(JbkClaims.Organisatie).Build());
        return builder;
    }

    internal static List<SecurityKey> TrustedKeys(AuthOptions options, string dataDir)
    {
        var keys = new List<SecurityKey>();
        foreach (var entry in options.PublicKeys.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var pem = entry.Contains("-----BEGIN", StringComparison.Ordinal) ? entry : File.ReadAllText(entry);
            keys.Add(SigningKeys.PublicKeyFromPem(pem));
        }
        if (!string.IsNullOrWhiteSpace(options.LocalKeyFile))
        {
            var path = Path.Combine(dataDir, options.LocalKeyFile);
            keys.Add(SigningKeys.ToSecurityKey(SigningKeys.LoadOrCreatePrivateKey(path)));
        }
        return keys;
    }
}
