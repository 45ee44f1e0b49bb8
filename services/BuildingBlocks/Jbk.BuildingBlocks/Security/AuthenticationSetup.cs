using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Jbk.BuildingBlocks.Hosting;

namespace Jbk.BuildingBlocks.Security;

public static class AuthenticationSetup
{
    /// <summary>
    /// Every call must carry a bearer JWT signed by a trusted key that may sign for the organisation it names, within
    /// its lifetime (<see cref="TokenBeleid"/>). Without one the call is refused with UNAUTHENTICATED (HTTP 401, which
    /// gRPC maps so), also for a token too large to read.
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

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new GecontroleerdeTokens(TimeProvider.System) { MapInboundClaims = false });
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = JbkClaims.Issuer,
                ValidAudience = JbkClaims.Audience,
                IssuerSigningKeys = keys.Select(k => (SecurityKey)k.Key).ToList(),
                ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = JbkClaims.Gebruiker,
            };
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = ctx =>
                {
                    // Read nothing of a token this large: it is refused as such, not as a transport error.
                    if (ctx.Request.Headers.Authorization.ToString().Length > TokenBeleid.MaximaleLengte)
                        ctx.Fail($"Het token is groter dan {TokenBeleid.MaximaleLengte / 1024} KB.");
                    return Task.CompletedTask;
                },
                OnTokenValidated = ctx =>
                {
                    var token = ctx.SecurityToken as JsonWebToken;
                    var rol = token?.SigningKey?.KeyId is { } kid ? rollen.GetValueOrDefault(kid) : null;
                    var principal = ctx.Principal!;
                    var reden = beleid.Weiger(
                        principal.FindAll(JbkClaims.Organisatie).Select(c => c.Value).ToList(),
                        principal.FindAll(JbkClaims.NamensOrganisatie).Select(c => c.Value).ToList(),
                        token is null || token.ValidFrom == DateTime.MinValue ? null : token.ValidFrom,
                        token?.ValidTo ?? DateTime.MaxValue, rol);
                    if (reden is not null) ctx.Fail(reden);
                    return Task.CompletedTask;
                },
            };
        });
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
