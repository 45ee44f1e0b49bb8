using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jbk.BuildingBlocks.Security;

/// <summary>
/// The platform's bearer scheme: the token in <c>Authorization: Bearer …</c> is judged by <see cref="GecontroleerdeTokens"/>
/// (once per distinct token). A gRPC call that is refused gets UNAUTHENTICATED with the reason in the caller's words
/// (a trailers-only answer), not a bare HTTP 401; any other request gets 401 with <c>WWW-Authenticate: Bearer</c>.
/// </summary>
public sealed class TokenAuthenticatie(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GecontroleerdeTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Schema = "Bearer";
    private const string Voorvoegsel = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var koppen = Request.Headers.Authorization;
        if (koppen.Count == 0) return AuthenticateResult.NoResult();
        if (koppen.Count > 1) return AuthenticateResult.Fail("De aanroep heeft meer dan één Authorization-kop.");
        var kop = koppen[0] ?? "";
        // Read nothing of a token this large: it is refused as such, not as a transport error.
        if (kop.Length > TokenBeleid.MaximaleLengte)
            return AuthenticateResult.Fail($"Het token is groter dan {TokenBeleid.MaximaleLengte / 1024} KB.");
        if (!kop.StartsWith(Voorvoegsel, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("De Authorization-kop noemt geen bearer-token ('Bearer <token>').");
        var token = kop.AsSpan(Voorvoegsel.Length).Trim();
        if (tokens.TryEerder(token, out var bekend)) return Geslaagd(bekend);
        var (identiteit, weigering) = await tokens.ControleerAsync(token.ToString());
        return identiteit is null ? AuthenticateResult.Fail(weigering!) : Geslaagd(identiteit);
    }

    private static AuthenticateResult Geslaagd(ClaimsIdentity identiteit) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identiteit), Schema));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var uitkomst = await HandleAuthenticateOnceSafeAsync();
        var reden = uitkomst.Failure?.Message
            ?? "Deze aanroep vraagt een token van de organisatie die belt (Authorization: Bearer <token>); er is er geen meegestuurd.";
        if (Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // Trailers-only: the gRPC status travels in the headers of an answer without a body.
            Response.StatusCode = 200;
            Response.ContentType = "application/grpc";
            Response.Headers["grpc-status"] = "16"; // UNAUTHENTICATED
            Response.Headers["grpc-message"] = Uri.EscapeDataString(reden);
            return;
        }
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = Schema;
    }
}
