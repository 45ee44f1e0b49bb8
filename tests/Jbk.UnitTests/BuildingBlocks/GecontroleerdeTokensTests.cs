using System.Security.Cryptography;
using Jbk.BuildingBlocks.Security;
using Microsoft.IdentityModel.Tokens;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>A token is judged once (signature and policy) and believed again only while it lives; a refused token is never kept.</summary>
public sealed class GecontroleerdeTokensTests
{
    private sealed class Klok(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Nu { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Nu;
    }

    private static readonly ECDsa Sleutel = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>Trusts <see cref="Sleutel"/> as the identity provider's key, as the platform does its configured keys.</summary>
    private static (GecontroleerdeTokens Tokens, Klok Klok) Nieuw()
    {
        var klok = new Klok(DateTimeOffset.UtcNow);
        var sleutel = SigningKeys.ToSecurityKey(Sleutel);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = JbkClaims.Issuer, ValidAudience = JbkClaims.Audience,
            IssuerSigningKeys = [sleutel], ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true, ClockSkew = TimeSpan.FromSeconds(30),
        };
        var rollen = new Dictionary<string, SleutelRol> { [sleutel.KeyId] = new SleutelRol.IdentityProvider() };
        return (new GecontroleerdeTokens(parameters, rollen, TokenBeleid.Standaard, klok), klok);
    }

    [Fact]
    public async Task The_same_token_is_judged_once_and_each_call_gets_its_own_identity()
    {
        var (tokens, _) = Nieuw();
        var token = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(10));
        var eerste = await tokens.ControleerAsync(token);
        Assert.True(tokens.TryEerder(token.AsSpan(), out var tweede));
        Assert.NotNull(eerste.Identiteit);
        Assert.Equal(1, tokens.Controles);
        Assert.NotSame(eerste.Identiteit, tweede);
        Assert.Equal("rvdk", tweede.FindFirst(JbkClaims.Organisatie)?.Value);
        Assert.True(tweede.IsAuthenticated);
        // Another token (other user) is judged on its own.
        Assert.False(tokens.TryEerder(TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u2", TimeSpan.FromMinutes(10)), out _));
        Assert.NotNull((await tokens.ControleerAsync(TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u2", TimeSpan.FromMinutes(10)))).Identiteit);
        Assert.Equal(2, tokens.Controles);
    }

    [Fact]
    public async Task A_kept_verdict_ends_when_the_token_expires_and_after_five_minutes_at_most()
    {
        var (tokens, klok) = Nieuw();
        var kort = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(2));
        var lang = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromHours(1), DateTime.UtcNow.AddSeconds(-1));
        await tokens.ControleerAsync(kort);
        await tokens.ControleerAsync(lang);
        klok.Nu += TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(31); // past the short token's expiry plus the skew
        Assert.False(tokens.TryEerder(kort, out _));
        Assert.True(tokens.TryEerder(lang, out _));
        klok.Nu += TimeSpan.FromMinutes(3); // past five minutes since the long one was judged
        Assert.False(tokens.TryEerder(lang, out _));
        Assert.NotNull((await tokens.ControleerAsync(lang)).Identiteit);
        Assert.Equal(3, tokens.Controles);
    }

    [Fact]
    public async Task A_refused_token_is_never_kept_and_says_why()
    {
        var (tokens, _) = Nieuw();
        using var vreemd = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(10));
        var gevallen = new (string Token, string Reden)[]
        {
            (TokenMinter.Mint(vreemd, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(10)), "ondertekening"),
            (token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..], "ondertekening"),
            (TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(1), DateTime.UtcNow.AddMinutes(-5)), "verlopen"),
            // A valid signature, but the policy refuses: a GI that does not exist, a lifetime beyond an hour.
            (TokenMinter.Mint(Sleutel, Organisatie.Gi("XXX"), "u1", TimeSpan.FromMinutes(10)), "bestaande organisatie"),
            (TokenMinter.Mint(Sleutel, Organisatie.Gi("JBF"), "u1", TimeSpan.FromDays(2)), "te lang geldig"),
        };
        foreach (var (geweigerd, reden) in gevallen)
            for (var i = 0; i < 2; i++)
            {
                var oordeel = await tokens.ControleerAsync(geweigerd);
                Assert.Null(oordeel.Identiteit);
                Assert.Contains(reden, oordeel.Weigering);
                Assert.False(tokens.TryEerder(geweigerd, out _));
            }
        Assert.Equal(10, tokens.Controles);
    }
}
