using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.IntegrationTests.Infrastructure;

namespace Jbk.IntegrationTests;

/// <summary>Every RPC needs a valid bearer token naming the caller's organisation.</summary>
[Collection(DistributedCollection.Name)]
public sealed class AuthenticationTests(DistributedPlatform platform)
{
    private async Task<StatusCode> CallWith(string? token) => (await StatusWith(token)).StatusCode;

    private async Task<Status> StatusWith(string? token)
    {
        var client = new CapaciteitService.CapaciteitServiceClient(Kanaal.Met(platform.Capaciteit.Address, token));
        try
        {
            await client.GeefBelastingAsync(new GeefBelastingRequest { GiCode = "JBF" });
            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }

    /// <summary>The refusal says why in the caller's words, not "HTTP status code 401".</summary>
    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_and_told_what_is_missing()
    {
        var status = await StatusWith(null);
        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
        Assert.Contains("Authorization: Bearer <token>", status.Detail);
        Assert.Contains("verlopen", (await StatusWith(TokenMinter.Mint(platform.SigningKey, Organisatie.Gi("JBF"), "u1",
            TimeSpan.FromMinutes(10), nowUtc: DateTime.UtcNow.AddHours(-1)))).Detail);
        Assert.Contains("bestaande organisatie ('gi:XXX')",
            (await StatusWith(TokenMinter.Mint(platform.SigningKey, Organisatie.Gi("XXX"), "u1", TimeSpan.FromMinutes(5)))).Detail);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_unauthenticated()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(StatusCode.Unauthenticated,
            await CallWith(TokenMinter.Mint(stranger, Organisatie.Gi("JBF"), "u1", TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated() =>
        Assert.Equal(StatusCode.Unauthenticated, await CallWith(TokenMinter.Mint(platform.SigningKey, Organisatie.Gi("JBF"), "u1",
            TimeSpan.FromMinutes(10), nowUtc: DateTime.UtcNow.AddHours(-1))));

    public static TheoryData<string> Onbetrouwbaar =>
    [
        "valid for a hundred years", "a GI that does not exist", "a gemeente code that is no code", "a gemeente that does not exist",
        "a gemeente merged away", "a service that does not exist",
        "org as an array", "namens unreadable", "a service key signing for a GI", "the identity provider signing for a service",
        "one service's key signing for another", "a service token valid for an hour", "no nbf", "100 KB",
    ];

    /// <summary>Each case of a token the platform must not believe although its signature is valid.</summary>
    [Theory]
    [MemberData(nameof(Onbetrouwbaar))]
    public async Task A_validly_signed_token_that_breaks_the_token_policy_is_unauthenticated(string geval)
    {
        using var overdracht = SigningKeys.LoadPrivateKey(Path.Combine(platform.Inzet.SleutelMap, "dienst-overdracht.pem"));
        var nu = DateTime.UtcNow;
        var token = geval switch
        {
            "valid for a hundred years" => TokenMinter.Mint(platform.SigningKey, Organisatie.Gi("JBF"), "u1", TimeSpan.FromDays(36500)),
            "a GI that does not exist" => TokenMinter.Mint(platform.SigningKey, Organisatie.Gi("XXX"), "u1", TimeSpan.FromMinutes(5)),
            "a gemeente code that is no code" => TokenMinter.Mint(platform.SigningKey, Organisatie.Gemeente("GM99999"), "u1", TimeSpan.FromMinutes(5)),
            "a gemeente that does not exist" => TokenMinter.Mint(platform.SigningKey, Organisatie.Gemeente("GM9999"), "u1", TimeSpan.FromMinutes(5)),
            "a gemeente merged away" => TokenMinter.Mint(platform.SigningKey, Organisatie.Gemeente("GM0457"), "u1", TimeSpan.FromMinutes(5)), // Weesp, Amsterdam since 2022
            "a service that does not exist" => TokenMinter.Mint(overdracht, Organisatie.Dienst("anything"), "u1", TimeSpan.FromMinutes(5)),
            "org as an array" => Ruw(platform.SigningKey, new() { ["org"] = new[] { "gi:JBF", "gi:JBN" } }, nu, nu.AddMinutes(5)),
            "namens unreadable" => Ruw(platform.SigningKey, new() { ["org"] = "operator", ["namens"] = "!!" }, nu, nu.AddMinutes(5)),
            "a service key signing for a GI" => TokenMinter.Mint(overdracht, Organisatie.Gi("JBF"), "u1", TimeSpan.FromMinutes(5)),
            "the identity provider signing for a service" => TokenMinter.Mint(platform.SigningKey, Organisatie.Dienst("overdracht"), "u1", TimeSpan.FromMinutes(5)),
            "one service's key signing for another" => TokenMinter.Mint(overdracht, Organisatie.Dienst("clientenstop"), "u1", TimeSpan.FromMinutes(5)),
            "a service token valid for an hour" => TokenMinter.Mint(overdracht, Organisatie.Dienst("overdracht"), "u1", TimeSpan.FromHours(1)),
            "no nbf" => Ruw(platform.SigningKey, new() { ["org"] = "gi:JBF" }, null, nu.AddMinutes(5)),
            "100 KB" => Ruw(platform.SigningKey, new() { ["org"] = "gi:JBF", ["opvulling"] = new string('x', 100_000) }, nu, nu.AddMinutes(5)),
            _ => throw new ArgumentOutOfRangeException(nameof(geval)),
        };
        Assert.Equal(StatusCode.Unauthenticated, await CallWith(token));
    }

    [Fact]
    public async Task A_service_token_signed_with_its_own_key_within_five_minutes_is_accepted() =>
        Assert.Equal(StatusCode.OK, await CallWith(platform.Token(Organisatie.Dienst("overdracht"))));

    private static string Ruw(ECDsa sleutel, Dictionary<string, object> claims, DateTime? nietVoor, DateTime verloopt)
    {
        claims["sub"] = "u1";
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = JbkClaims.Issuer, Audience = JbkClaims.Audience, Claims = claims, NotBefore = nietVoor, Expires = verloopt,
            SigningCredentials = new SigningCredentials(SigningKeys.ToSecurityKey(sleutel), SecurityAlgorithms.EcdsaSha256)
            {
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    [Fact]
    public async Task A_valid_token_is_accepted() =>
        Assert.Equal(StatusCode.OK, await CallWith(platform.Token(Organisatie.Gi("JBF"))));

    [Fact]
    public async Task An_idempotency_key_belongs_to_its_organisation_and_never_returns_another_body()
    {
        var aanvraag = Registratie.Ots("JBN");
        var eerste = (await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(aanvraag)).Maatregel;
        Assert.Equal(eerste.Id, (await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(aanvraag)).Maatregel.Id);

        // Another organisation with the same key gets its own registration, never the first one.
        var andere = Registratie.Ots("JBF", "friesland");
        andere.IdempotentieSleutel = aanvraag.IdempotentieSleutel;
        var vanJbf = (await platform.Maatregelen(Organisatie.Gi("JBF")).RegistreerMaatregelAsync(andere)).Maatregel;
        Assert.NotEqual(eerste.Id, vanJbf.Id);
        Assert.Equal("JBF", vanJbf.VerantwoordelijkeGi);

        // The same organisation, the same key, another measure: a mistake, said so.
        var anders = Registratie.Ots("JBN");
        anders.IdempotentieSleutel = aanvraag.IdempotentieSleutel;
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(anders));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("idempotentiesleutel", ex.Status.Detail);
    }

    [Fact]
    public async Task A_GI_reading_another_GIs_measure_is_permission_denied()
    {
        var reply = await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBN"));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await platform.Maatregelen(Organisatie.Gi("JBF"))
            .GeefMaatregelAsync(new Jbk.Maatregelen.V1.GeefMaatregelRequest { MaatregelId = reply.Maatregel.Id }));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("JBF", ex.Status.Detail);
    }
}
