using System.Security.Cryptography;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.IntegrationTests.Infrastructure;

namespace Jbk.IntegrationTests;

/// <summary>Every RPC needs a valid bearer token naming the caller's organisation.</summary>
[Collection(DistributedCollection.Name)]
public sealed class AuthenticationTests(DistributedPlatform platform)
{
    private async Task<StatusCode> CallWith(string? token)
    {
        var client = new CapaciteitService.CapaciteitServiceClient(Kanaal.Met(platform.Capaciteit.Address, token));
        try
        {
            await client.GeefBelastingAsync(new GeefBelastingRequest { GiCode = "JBF" });
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated() =>
        Assert.Equal(StatusCode.Unauthenticated, await CallWith(null));

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

    [Fact]
    public async Task A_valid_token_is_accepted() =>
        Assert.Equal(StatusCode.OK, await CallWith(platform.Token(Organisatie.Gi("JBF"))));

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
