using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Jbk.IntegrationTests;

/// <summary>
/// Every RPC of the platform called as every kind of organisation, against the embedded platform as a process: refused
/// (PERMISSION_DENIED) exactly where docs/autorisatie.md (the [Mag] declarations) says so, otherwise not refused and not
/// malformed. Each admitted caller acts on a fresh scene (measure, handover to WSS with read access, stop, certificate,
/// reservation); the refused callers come after the last admitted one, so a replay of a step already taken is refused too.
/// </summary>
public sealed class AutorisatiematrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmbeddedPlatform _platform = null!;
    private Rpcgevallen _gevallen = null!;

    private static readonly IReadOnlyList<RpcBeleid> Beleid = Infrastructure.Beleid.Rpcs;
    private static readonly IReadOnlyList<(Betrokkene Als, Organisatie Org)> Actoren = Infrastructure.Beleid.Actoren;

    /// <summary>What an admitted call may end in: done, or a domain refusal of the step; never refused access, never a malformed request.</summary>
    private static readonly StatusCode[] Toegelaten = [StatusCode.OK, StatusCode.FailedPrecondition, StatusCode.AlreadyExists, StatusCode.Aborted];

    public async Task InitializeAsync()
    {
        _platform = await EmbeddedPlatform.StartAsync("jbk-autorisatie");
        _gevallen = await Rpcgevallen.BereidAsync(_platform);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Every_rpc_refuses_exactly_the_organisations_its_policy_does_not_name()
    {
        var gevallen = _gevallen.Alle();
        Assert.Equal(Beleid.Select(Rpcgevallen.Sleutel).Order(), gevallen.Keys.Order()); // no RPC left out, none invented
        var fouten = new List<string>();
        foreach (var beleid in Beleid)
        {
            var geval = gevallen[Rpcgevallen.Sleutel(beleid)];
            var toegelaten = Actoren.Where(a => beleid.Wie.HasFlag(Rol(a, geval))).ToList();
            Rpcgevallen.Toneel? toneel = null;
            foreach (var (als, org) in toegelaten)
            {
                toneel = new Rpcgevallen.Toneel(_platform);
                var code = await Roep(geval, toneel, org);
                output.WriteLine($"{beleid.Rpc} als {Betrokkenen.Naam(als)}: {code.StatusCode} {code.Detail}");
                if (!Toegelaten.Contains(code.StatusCode)) fouten.Add($"{beleid.Rpc} als {Betrokkenen.Naam(als)} ({org}): toegestaan, maar {code.StatusCode}: {code.Detail}");
            }
            toneel ??= new Rpcgevallen.Toneel(_platform);
            foreach (var (als, org) in Actoren.Except(toegelaten))
            {
                var code = await Roep(geval, toneel, org);
                if (code.StatusCode != StatusCode.PermissionDenied) fouten.Add($"{beleid.Rpc} als {Betrokkenen.Naam(als)} ({org}): geweigerd, maar {code.StatusCode}: {code.Detail}");
            }
        }
        foreach (var f in fouten) output.WriteLine(f);
        Assert.True(fouten.Count == 0, $"{fouten.Count} afwijkingen van docs/autorisatie.md:\n{string.Join("\n", fouten)}");
    }

    /// <summary>WSS receives only where the scene has a handover (or a scenario) to it; elsewhere it is just another GI.</summary>
    private static Betrokkene Rol((Betrokkene Als, Organisatie Org) actor, Rpcgevallen.Geval geval) =>
        actor.Als == Betrokkene.OntvangendeGi && !geval.MetOntvanger ? Betrokkene.AndereGi : actor.Als;

    private static async Task<Status> Roep(Rpcgevallen.Geval geval, Rpcgevallen.Toneel toneel, Organisatie org)
    {
        var voorbereid = await geval.Bereid(toneel);
        try
        {
            await voorbereid(org).WaitAsync(TimeSpan.FromSeconds(30));
            return Status.DefaultSuccess;
        }
        catch (RpcException ex) { return ex.Status; }
    }
}
