using System.Security.Cryptography;
using Jbk.BuildingBlocks.Security;
using Microsoft.IdentityModel.Tokens;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>A token's signature is checked once and believed again only while it lives; a refused token is never kept.</summary>
public sealed class GecontroleerdeTokensTests
{
    private sealed class Klok(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Nu { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Nu;
    }

    private static readonly ECDsa Sleutel = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static TokenValidationParameters Parameters(ECDsa sleutel) => new()
    {
        ValidIssuer = JbkClaims.Issuer, ValidAudience = JbkClaims.Audience,
        IssuerSigningKeys = [SigningKeys.ToSecurityKey(sleutel)], ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        RequireExpirationTime = true, ClockSkew = TimeSpan.FromSeconds(30),
    };

    private static (GecontroleerdeTokens Handler, Klok Klok) Nieuw() { var klok = new Klok(DateTimeOffset.UtcNow); return (new GecontroleerdeTokens(klok), klok); }

    [Fact]
    public async Task The_same_token_is_checked_once_and_each_call_gets_its_own_identity()
    {
        var (handler, _) = Nieuw();
        var token = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(10));
        var eerste = await handler.ValidateTokenAsync(token, Parameters(Sleutel));
        var tweede = await handler.ValidateTokenAsync(token, Parameters(Sleutel));
        Assert.True(eerste.IsValid && tweede.IsValid);
        Assert.Equal(1, handler.Controles);
        Assert.NotSame(eerste.ClaimsIdentity, tweede.ClaimsIdentity);
        Assert.Equal("rvdk", tweede.ClaimsIdentity.FindFirst(JbkClaims.Organisatie)?.Value);
        // Another token (other user) is checked on its own.
        Assert.True((await handler.ValidateTokenAsync(TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u2", TimeSpan.FromMinutes(10)), Parameters(Sleutel))).IsValid);
        Assert.Equal(2, handler.Controles);
    }

    [Fact]
    public async Task A_kept_check_ends_when_the_token_expires_and_after_five_minutes_at_most()
    {
        var (handler, klok) = Nieuw();
        var kort = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(2));
        var lang = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromHours(1), DateTime.UtcNow.AddSeconds(-1));
        await handler.ValidateTokenAsync(kort, Parameters(Sleutel));
        await handler.ValidateTokenAsync(lang, Parameters(Sleutel));
        klok.Nu += TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(31); // past the short token's expiry plus the skew
        await handler.ValidateTokenAsync(kort, Parameters(Sleutel));
        Assert.Equal(3, handler.Controles);
        await handler.ValidateTokenAsync(lang, Parameters(Sleutel));
        Assert.Equal(3, handler.Controles);
        klok.Nu += TimeSpan.FromMinutes(3); // past five minutes since the long one was checked
        await handler.ValidateTokenAsync(lang, Parameters(Sleutel));
        Assert.Equal(4, handler.Controles);
    }

    [Fact]
    public async Task A_refused_token_is_never_kept()
    {
        var (handler, _) = Nieuw();
        var token = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(10));
        var vreemd = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (var i = 0; i < 2; i++) Assert.False((await handler.ValidateTokenAsync(token, Parameters(vreemd))).IsValid);
        var vervalst = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        for (var i = 0; i < 2; i++) Assert.False((await handler.ValidateTokenAsync(vervalst, Parameters(Sleutel))).IsValid);
        var verlopen = TokenMinter.Mint(Sleutel, Organisatie.Rvdk, "u1", TimeSpan.FromMinutes(1), DateTime.UtcNow.AddMinutes(-5));
        for (var i = 0; i < 2; i++) Assert.False((await handler.ValidateTokenAsync(verlopen, Parameters(Sleutel))).IsValid);
        Assert.Equal(6, handler.Controles);
    }
}
