using System.Security.Claims;
using Grpc.Core;

namespace Jbk.BuildingBlocks.Security;

/// <summary>Who calls: the organisation, the acting user, and on whose behalf. Taken from the validated token.</summary>
public sealed record Caller(Organisatie Organisatie, string Gebruiker, Organisatie? Namens)
{
    public static Caller From(ClaimsPrincipal user)
    {
        // The token handler already refused tokens without a valid org claim; this is the last guard.
        if (!Organisatie.TryParse(user.FindFirst(JbkClaims.Organisatie)?.Value, out var org))
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Het token noemt geen geldige organisatie."));
        var gebruiker = user.FindFirst(JbkClaims.Gebruiker)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "onbekend";
        Organisatie.TryParse(user.FindFirst(JbkClaims.NamensOrganisatie)?.Value, out var namens);
        return new Caller(org, gebruiker, user.HasClaim(c => c.Type == JbkClaims.NamensOrganisatie) ? namens : null);
    }
}

public static class CallerExtensions
{
    public static Caller GetCaller(this ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
