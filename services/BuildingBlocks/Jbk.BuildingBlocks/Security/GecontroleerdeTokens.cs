using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jbk.BuildingBlocks.Security;

/// <summary>
/// The whole verdict on a bearer token (signature, issuer, audience, lifetime and the <see cref="TokenBeleid"/>), made once
/// per distinct token: a caller sends the same token with every call for as long as it lives, and judging it again each
/// time (an ECDSA signature, then the policy over its claims) was a fifth of the work of the RvdK's availability question.
/// A token that passed is believed again, byte for byte the same text only, until it expires (with the clock skew the
/// check allows) and at most <see cref="MaximaleBewaartijd"/>; a refused token is never kept. Every call gets its own copy
/// of the identity.
/// </summary>
public sealed class GecontroleerdeTokens
{
    public static readonly TimeSpan MaximaleBewaartijd = TimeSpan.FromMinutes(5);

    private sealed record Gecontroleerd(ClaimsIdentity Identiteit, DateTime Tot);

    private readonly TokenValidationParameters _parameters;
    private readonly IReadOnlyDictionary<string, SleutelRol> _rollen;
    private readonly TokenBeleid _beleid;
    private readonly TimeProvider _klok;
    private readonly int _maximaalAantal;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, Gecontroleerd> _gecontroleerd = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Gecontroleerd>.AlternateLookup<ReadOnlySpan<char>> _opTekst;
    private long _controles;

    /// <param name="rollen">Per trusted key id, whom that key may sign for.</param>
    public GecontroleerdeTokens(TokenValidationParameters parameters, IReadOnlyDictionary<string, SleutelRol> rollen, TokenBeleid beleid,
        TimeProvider klok, int maximaalAantal = 10_000)
    {
        (_parameters, _rollen, _beleid, _klok, _maximaalAantal) = (parameters, rollen, beleid, klok, maximaalAantal);
        _opTekst = _gecontroleerd.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many tokens were judged in full (signature and all) since the start.</summary>
    public long Controles => Interlocked.Read(ref _controles);

    /// <summary>The identity of a token that passed before and is still believed; no text is copied to look it up.</summary>
    public bool TryEerder(ReadOnlySpan<char> token, out ClaimsIdentity identiteit)
    {
        if (_opTekst.TryGetValue(token, out var eerder))
        {
            if (_klok.GetUtcNow().UtcDateTime < eerder.Tot)
            {
                identiteit = eerder.Identiteit.Clone();
                return true;
            }
            _opTekst.TryRemove(token, out _);
        }
        identiteit = null!;
        return false;
    }

    /// <summary>Judges the token in full: its identity when it may pass, otherwise why not (a sentence for the caller).</summary>
    public async Task<(ClaimsIdentity? Identiteit, string? Weigering)> ControleerAsync(string token)
    {
        if (TryEerder(token, out var bekend)) return (bekend, null);
        Interlocked.Increment(ref _controles);
        var nu = _klok.GetUtcNow().UtcDateTime;
        var uitkomst = await _handler.ValidateTokenAsync(token, _parameters);
        if (!uitkomst.IsValid || uitkomst.SecurityToken is not JsonWebToken jwt)
            return (null, Reden(uitkomst.Exception));
        var identiteit = uitkomst.ClaimsIdentity;
        var rol = jwt.SigningKey?.KeyId is { } kid ? _rollen.GetValueOrDefault(kid) : null;
        var weigering = _beleid.Weiger(
            identiteit.FindAll(JbkClaims.Organisatie).Select(c => c.Value).ToList(),
            identiteit.FindAll(JbkClaims.NamensOrganisatie).Select(c => c.Value).ToList(),
            jwt.ValidFrom == DateTime.MinValue ? null : jwt.ValidFrom,
            jwt.ValidTo == DateTime.MinValue ? DateTime.MaxValue : jwt.ValidTo, rol);
        if (weigering is not null) return (null, weigering);
        if (jwt.ValidTo != DateTime.MinValue)
        {
            var tot = new[] { jwt.ValidTo + _parameters.ClockSkew, nu + MaximaleBewaartijd }.Min();
            // Bounded: past the limit the kept verdicts are dropped (each token is then judged once more).
            if (_gecontroleerd.Count >= _maximaalAantal) _gecontroleerd.Clear();
            _gecontroleerd[token] = new Gecontroleerd(identiteit, tot);
        }
        return (identiteit.Clone(), null);
    }

    /// <summary>Why the token library refused it, in the caller's words; never the token itself.</summary>
    private static string Reden(Exception? fout) => fout switch
    {
        SecurityTokenExpiredException => "Het token is verlopen.",
        SecurityTokenNotYetValidException => "Het token is nog niet geldig.",
        SecurityTokenNoExpirationException => "Het token heeft geen einde van zijn geldigheid (claim 'exp').",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            => "De ondertekening van het token is niet geldig of niet van een vertrouwde sleutel.",
        SecurityTokenInvalidIssuerException => $"Het token is niet uitgegeven door '{JbkClaims.Issuer}'.",
        SecurityTokenInvalidAudienceException => $"Het token is niet bestemd voor '{JbkClaims.Audience}'.",
        SecurityTokenInvalidAlgorithmException => "Het token is ondertekend met een algoritme dat het platform niet aanvaardt (alleen ES256).",
        _ => "Het token kon niet worden gelezen of gecontroleerd.",
    };
}
