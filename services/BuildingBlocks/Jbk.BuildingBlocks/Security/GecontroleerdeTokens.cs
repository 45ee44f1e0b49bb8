using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jbk.BuildingBlocks.Security;

/// <summary>
/// Checks each distinct token's signature once: a caller sends the same token with every call for as long as it lives,
/// and verifying its ECDSA signature again each time was an eighth of the work of the RvdK's availability question.
/// A token that passed is believed again, byte for byte the same string only, until it expires (with the clock skew
/// the check allows) and at most <see cref="MaximaleBewaartijd"/>; a refused token is never kept. The token policy
/// (<see cref="TokenBeleid"/>, in JwtBearer's OnTokenValidated) still judges every call, and every call gets its own
/// copy of the identity.
/// </summary>
public sealed class GecontroleerdeTokens(TimeProvider klok, int maximaalAantal = 10_000) : JsonWebTokenHandler
{
    public static readonly TimeSpan MaximaleBewaartijd = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (TokenValidationResult Uitkomst, DateTime Tot)> _gecontroleerd = new(StringComparer.Ordinal);
    private long _controles;

    /// <summary>How many tokens were checked in full (signature and all) since the start.</summary>
    public long Controles => Interlocked.Read(ref _controles);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var nu = klok.GetUtcNow().UtcDateTime;
        if (_gecontroleerd.TryGetValue(token, out var eerder))
        {
            if (nu < eerder.Tot)
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = eerder.Uitkomst.SecurityToken,
                    ClaimsIdentity = eerder.Uitkomst.ClaimsIdentity.Clone(),
                    Issuer = eerder.Uitkomst.Issuer,
                    TokenType = eerder.Uitkomst.TokenType,
                };
            _gecontroleerd.TryRemove(token, out _);
        }
        Interlocked.Increment(ref _controles);
        var uitkomst = await base.ValidateTokenAsync(token, validationParameters);
        if (uitkomst.IsValid && uitkomst.SecurityToken is JsonWebToken jwt && jwt.ValidTo != DateTime.MinValue)
        {
            var tot = new[] { jwt.ValidTo + validationParameters.ClockSkew, nu + MaximaleBewaartijd }.Min();
            // Bounded: past the limit the kept checks are dropped (each token is then checked once more).
            if (_gecontroleerd.Count >= maximaalAantal) _gecontroleerd.Clear();
            _gecontroleerd[token] = (uitkomst, tot);
        }
        return uitkomst;
    }
}
