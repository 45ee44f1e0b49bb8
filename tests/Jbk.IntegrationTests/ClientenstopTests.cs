using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Npgsql;

namespace Jbk.IntegrationTests;

/// <summary>A cliëntenstop in distributed mode: approvals, activation by the process, the RvdK's availability answer, lifting.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ClientenstopTests(DistributedPlatform platform)
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
    private ClientenstopService.ClientenstopServiceClient Als(Organisatie org) => new(platform.Channel(platform.Clientenstop, org));

    private static StelStopVoorRequest OtsInDrenthe() => new()
    {
        StopId = Guid.NewGuid().ToString(), Regios = { "drenthe" }, MaatregelTypes = { MaatregelType.Ots.ToProto(), MaatregelType.VoorlopigeOts.ToProto() },
        Van = Vandaag.ToProto(), Tot = Vandaag.AddMonths(6).ToProto(), Reden = "onvoldoende jeugdbeschermers voor nieuwe zaken",
    };

    private async Task<bool> JbnAangeboden(MaatregelType type, bool spoed)
    {
        var antwoord = await platform.CapaciteitClient(Organisatie.Rvdk).VraagBeschikbaarheidAsync(
            new VraagBeschikbaarheidRequest { Regio = "drenthe", Type = type.ToProto(), Spoed = spoed });
        return antwoord.Kandidaten.Any(k => k.GiCode == "JBN");
    }

    private async Task<Clientenstop.V1.Stop> Stop(string id) =>
        (await Als(Organisatie.Operator).GeefStopAsync(new GeefStopRequest { StopId = id })).Stop;

    [Fact]
    public async Task Twenty_identical_proposals_at_once_make_one_stop_and_no_unknown_error()
    {
        var voorstel = OtsInDrenthe();
        var jbn = Als(Organisatie.Gi("JBN"));
        var uitkomsten = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try { await jbn.StelStopVoorAsync(voorstel); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }));
        Assert.All(uitkomsten, u => Assert.True(u is StatusCode.OK or StatusCode.Aborted, $"{u}"));
        Assert.Contains(StatusCode.OK, uitkomsten);
        Assert.Equal(voorstel.StopId, (await Stop(voorstel.StopId)).Id);
    }

    [Fact]
    public async Task An_id_of_64_KB_is_refused_without_echoing_it_and_the_channel_stays_usable()
    {
        var jbn = Als(Organisatie.Gi("JBN"));
        var groot = new string('x', 64 * 1024);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await jbn.GeefStopAsync(new GeefStopRequest { StopId = groot }, deadline: DateTime.UtcNow.AddSeconds(20)));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.True(ex.Status.Detail.Length < 1000, $"detail of {ex.Status.Detail.Length} characters");
        var voorstel = OtsInDrenthe();
        Assert.Equal(voorstel.StopId, (await jbn.StelStopVoorAsync(voorstel, deadline: DateTime.UtcNow.AddSeconds(20))).Stop.Id);
    }

    [Fact]
    public async Task Another_organisation_learns_nothing_of_a_stop_by_replaying_its_id_or_lifting_it()
    {
        var voorstel = OtsInDrenthe();
        await Als(Organisatie.Gi("JBN")).StelStopVoorAsync(voorstel);
        Assert.Equal(voorstel.StopId, (await Als(Organisatie.Gi("JBN")).StelStopVoorAsync(voorstel)).Stop.Id); // a replay by the proposer

        var replay = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Gi("JBF")).StelStopVoorAsync(voorstel));
        Assert.Equal(StatusCode.PermissionDenied, replay.StatusCode);
        Assert.DoesNotContain("JBN", replay.Status.Detail);

        var opheffen = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Gi("JBF")).HefStopOpAsync(new HefStopOpRequest { StopId = voorstel.StopId }));
        Assert.Equal(StatusCode.PermissionDenied, opheffen.StatusCode);
        Assert.DoesNotContain("JBN", opheffen.Status.Detail);
    }

    [Fact]
    public async Task A_stop_for_OTS_in_Drenthe_approved_by_the_region_and_the_RvdK_hides_JBN_but_not_for_spoed_until_lifted()
    {
        Assert.True(await JbnAangeboden(MaatregelType.Ots, spoed: false));
        var voorstel = OtsInDrenthe();
        var jbn = Als(Organisatie.Gi("JBN"));
        await jbn.StelStopVoorAsync(voorstel);

        // JBN cannot activate its own stop, and a gemeente outside Drenthe cannot approve.
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(async () =>
            await jbn.KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId, Regio = "drenthe" }))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(async () =>
            await Als(Organisatie.Gemeente("GM0014")).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId, Regio = "drenthe" }))).StatusCode);
        await Als(Organisatie.Gi("JBF")).MaakBezwaarAsync(new MaakBezwaarRequest { StopId = voorstel.StopId, Reden = "wij kunnen weinig opvangen" });
        await Task.Delay(1500);
        Assert.Equal(StopStatus.Voorgesteld, (await Stop(voorstel.StopId)).Status);

        await Als(Organisatie.Gemeente("GM0106")).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId, Regio = "drenthe" });
        await Als(Organisatie.Rvdk).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId });

        await Eventually.HoldsAsync(async () => (await Stop(voorstel.StopId)).Status == StopStatus.Actief, "the stop becomes active on its start date");
        await Eventually.HoldsAsync(async () => !await JbnAangeboden(MaatregelType.Ots, spoed: false), "the RvdK is steered away from JBN for an OTS");
        var uitgesloten = (await platform.CapaciteitClient(Organisatie.Rvdk).VraagBeschikbaarheidAsync(
            new VraagBeschikbaarheidRequest { Regio = "drenthe", Type = MaatregelType.Ots.ToProto() })).Uitgesloten.Single(u => u.GiCode == "JBN");
        Assert.Equal("GeenClientenstop", uitgesloten.Regel);
        Assert.True(await JbnAangeboden(MaatregelType.VoorlopigeOts, spoed: true));

        var impact = (await Als(Organisatie.Gemeente("GM0106")).GeefStopAsync(new GeefStopRequest { StopId = voorstel.StopId })).Impact;
        Assert.True(impact.VrijBijAnderen > 0);

        await jbn.HefStopOpAsync(new HefStopOpRequest { StopId = voorstel.StopId });
        await Eventually.HoldsAsync(async () => await JbnAangeboden(MaatregelType.Ots, spoed: false), "after lifting JBN is offered again");
    }

    [Fact]
    public async Task A_crash_between_the_last_approval_and_activation_still_activates_once()
    {
        var voorstel = OtsInDrenthe();
        voorstel.MaatregelTypes.Clear();
        voorstel.MaatregelTypes.Add(MaatregelType.Voogdij.ToProto());
        await Als(Organisatie.Gi("JBN")).StelStopVoorAsync(voorstel);
        await Als(Organisatie.Gemeente("GM0114")).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId, Regio = "drenthe" });
        await Als(Organisatie.Rvdk).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId });
        platform.Clientenstop.Kill();

        await platform.StartAsync(platform.Clientenstop);

        await Eventually.HoldsAsync(async () => (await Stop(voorstel.StopId)).Status == StopStatus.Actief, "activated after the restart");
        await Task.Delay(2500); // several more rounds of the process
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("clientenstop"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM outbox WHERE "EventType" LIKE '%ClientenstopGeactiveerd' AND "Payload" LIKE @id""", connection);
        count.Parameters.AddWithValue("id", $"%{voorstel.StopId}%");
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
        Assert.Single((await Stop(voorstel.StopId)).Historie, h => h.Wat == "actief");
        await Als(Organisatie.Gi("JBN")).HefStopOpAsync(new HefStopOpRequest { StopId = voorstel.StopId });
    }
}
